import { HEADER_ALIASES, HEADER_NOISE_WORDS } from "./aliases";
import { MAPPING_TARGET_SPECS, fieldSpec, isMappingTarget, type MappingTarget } from "./fields";
import { MAX_HEADER_CHARS } from "./limits";
import type { ColumnMapping, ColumnOverride, MappingProblem, MatchKind, RememberedMapping } from "./types";

/** Lower case, no accents, no punctuation or spaces; "%" reads as "pct" and "#" as "num". */
function headerTokens(header: string): string[] {
  const folded = header
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/%/g, " pct ")
    .replace(/#/g, " num ")
    .replace(/&/g, " and ");
  return folded.split(/[^\p{L}\p{N}]+/u).filter((token) => token !== "");
}

/** The key a header is matched and remembered by: "Base Pay ", "base_pay" and "BasePay" give "basepay". */
export function normalizeHeader(header: string): string {
  return headerTokens(header).join("");
}

const EXACT_KEYS = new Map<string, MappingTarget>();
const ALIAS_KEYS = new Map<string, MappingTarget>();
for (const spec of MAPPING_TARGET_SPECS) {
  EXACT_KEYS.set(normalizeHeader(spec.header), spec.target);
  EXACT_KEYS.set(normalizeHeader(spec.target), spec.target);
}
for (const spec of MAPPING_TARGET_SPECS) {
  for (const alias of HEADER_ALIASES[spec.target]) {
    const key = normalizeHeader(alias);
    if (!EXACT_KEYS.has(key) && !ALIAS_KEYS.has(key)) ALIAS_KEYS.set(key, spec.target);
  }
}

interface HeaderMatch {
  target: MappingTarget;
  match: "exact" | "alias";
}

function lookup(key: string): HeaderMatch | null {
  if (key === "") return null;
  const exact = EXACT_KEYS.get(key);
  if (exact) return { target: exact, match: "exact" };
  const alias = ALIAS_KEYS.get(key);
  return alias ? { target: alias, match: "alias" } : null;
}

const BRACKETS: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}", "【": "】", "〔": "〕" };

/**
 * The header with each bracketed part ("(USD)", "[k]") replaced by a space: an opening bracket up to the first
 * closing one of its kind after it; an opening bracket never closed stays. One pass: where each kind of closing
 * bracket next occurs is looked up at most once per occurrence, so "((((…" costs what its length does (the
 * regex `\([^)]*\)` this replaces rescanned the rest of the header from every "(").
 */
export function withoutBrackets(header: string): string {
  const nextClose = new Map<string, number>();
  let out = "";
  let from = 0;
  for (let i = 0; i < header.length; i++) {
    const close = BRACKETS[header.charAt(i)];
    if (close === undefined) continue;
    let at = nextClose.get(close);
    if (at === undefined || (at !== -1 && at <= i)) {
      at = header.indexOf(close, i + 1);
      nextClose.set(close, at);
    }
    if (at === -1) continue;
    out += `${header.slice(from, i)} `;
    from = at + 1;
    i = at;
  }
  return from === 0 ? header : out + header.slice(from);
}

/** As written; then without bracketed units ("Base (USD)"); then without qualifiers ("Total Calls YTD"). */
function matchWhole(header: string): HeaderMatch | null {
  const direct = lookup(normalizeHeader(header));
  if (direct) return direct;
  const unbracketed = withoutBrackets(header.normalize("NFKC"));
  const withoutUnits = lookup(normalizeHeader(unbracketed));
  if (withoutUnits)
    return withoutUnits.match === "exact" ? withoutUnits : { ...withoutUnits, match: "alias" };
  const tokens = headerTokens(unbracketed).filter((token) => !HEADER_NOISE_WORDS.has(token));
  const withoutNoise = lookup(tokens.join(""));
  return withoutNoise ? { target: withoutNoise.target, match: "alias" } : null;
}

const CJK_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * Bilingual and compound headers ("目标收入/OTE", "姓名 Name", "Base Salary\n基本工资"): split on / | and line
 * breaks and between Chinese and Latin text; the header matches when the parts that match agree.
 */
function matchParts(header: string): HeaderMatch | null {
  const parts = header
    .normalize("NFKC")
    .split(/[/|\r\n]+/)
    .flatMap((part) => part.match(CJK_RUN) ?? [])
    .filter((part) => normalizeHeader(part) !== "");
  if (parts.length < 2) return null;
  let found: MappingTarget | null = null;
  for (const part of parts) {
    const match = matchWhole(part);
    if (!match) continue;
    if (found !== null && found !== match.target) return null;
    found = match.target;
  }
  return found ? { target: found, match: "alias" } : null;
}

/** The field a header most likely holds, or null (always for a header longer than MAX_HEADER_CHARS). */
export function matchHeader(header: string): HeaderMatch | null {
  if (header.length > MAX_HEADER_CHARS) return null;
  return matchWhole(header) ?? matchParts(header);
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnLabel(header: string, index: number): string {
  const trimmed = header.trim();
  if (trimmed === "") return `column ${columnLetter(index)}`;
  return trimmed.length > MAX_HEADER_CHARS ? `${trimmed.slice(0, 60)}…` : trimmed;
}

const PRIORITY: Record<MatchKind, number> = { override: 4, remembered: 3, exact: 2, alias: 1, none: 0 };

export interface MappingOptions {
  overrides?: readonly ColumnOverride[] | undefined;
  remembered?: RememberedMapping | undefined;
}

export interface MappingResult {
  columns: ColumnMapping[];
  unmapped: ColumnMapping[];
  problems: MappingProblem[];
}

function quoteList(labels: string[]): string {
  const quoted = labels.map((label) => `"${label}"`);
  return quoted.length <= 2 ? quoted.join(" and ") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

/**
 * Suggest and resolve the column → field mapping. Precedence: the user's override for a column, then the
 * mapping remembered for that header, then the template header, then an alias. When two columns would
 * fill one field the stronger match (then the leftmost column) keeps it and the other is left unmapped with
 * a note; two overrides on one field are a problem for the user to resolve.
 */
export function resolveMapping(headers: readonly string[], options: MappingOptions = {}): MappingResult {
  const problems: MappingProblem[] = [];
  const overrides = new Map<number, MappingTarget | null>();
  for (const override of options.overrides ?? []) {
    if (
      !Number.isInteger(override.columnIndex) ||
      override.columnIndex < 0 ||
      override.columnIndex >= headers.length
    ) {
      problems.push({
        code: "unknown-column",
        message: `The mapping names column ${override.columnIndex + 1}, but the file has ${headers.length} columns.`,
        columnIndexes: [],
      });
      continue;
    }
    if (override.target !== null && !isMappingTarget(override.target)) continue;
    overrides.set(override.columnIndex, override.target);
  }
  const remembered = options.remembered ?? {};

  const columns: ColumnMapping[] = headers.map((raw, columnIndex) => {
    const header = raw.trim();
    // A header too long to be one is neither matched nor remembered; the user can still map its column.
    const tooLong = header.length > MAX_HEADER_CHARS;
    const normalizedHeader = tooLong ? "" : normalizeHeader(header);
    const base = {
      columnIndex,
      header: tooLong ? columnLabel(header, columnIndex) : header,
      label: columnLabel(header, columnIndex),
      normalizedHeader,
      note: tooLong
        ? `The header is longer than ${MAX_HEADER_CHARS} characters, so it was not matched; choose its field by hand.`
        : null,
    };
    if (overrides.has(columnIndex)) {
      return { ...base, target: overrides.get(columnIndex) ?? null, match: "override" };
    }
    if (normalizedHeader !== "" && Object.prototype.hasOwnProperty.call(remembered, normalizedHeader)) {
      const target = remembered[normalizedHeader] ?? null;
      if (target === null || isMappingTarget(target)) return { ...base, target, match: "remembered" };
    }
    const found = matchHeader(header);
    return found
      ? { ...base, target: found.target, match: found.match }
      : { ...base, target: null, match: "none" };
  });

  // One column per field.
  const claimants = new Map<MappingTarget, ColumnMapping[]>();
  for (const column of columns) {
    if (column.target === null) continue;
    const list = claimants.get(column.target) ?? [];
    list.push(column);
    claimants.set(column.target, list);
  }
  for (const [target, list] of claimants) {
    if (list.length < 2) continue;
    const overridden = list.filter((column) => column.match === "override");
    if (overridden.length > 1) {
      problems.push({
        code: "duplicate-target",
        message: `Columns ${quoteList(overridden.map((c) => c.label))} are all mapped to ${fieldSpec(target).label}; keep one and ignore the others.`,
        columnIndexes: overridden.map((c) => c.columnIndex),
      });
      for (const column of list) {
        if (column.match !== "override") Object.assign(column, { target: null, match: "none" });
      }
      continue;
    }
    const winner = [...list].sort(
      (a, b) => PRIORITY[b.match] - PRIORITY[a.match] || a.columnIndex - b.columnIndex,
    )[0];
    for (const column of list) {
      if (column === winner || !winner) continue;
      Object.assign(column, {
        target: null,
        match: "none",
        note: `Looks like ${fieldSpec(target).label}, which "${winner.label}" already fills.`,
      });
    }
  }

  // A full-name column makes first/last name columns unnecessary, unless the user asked for them.
  const nameColumn = columns.find((c) => c.target === "name");
  const nameParts = columns.filter((c) => c.target === "firstName" || c.target === "lastName");
  if (nameColumn && nameParts.length > 0) {
    const chosen = nameParts.filter((c) => c.match === "override");
    if (chosen.length > 0 && nameColumn.match === "override") {
      problems.push({
        code: "name-conflict",
        message: `"${nameColumn.label}" is mapped to the name and ${quoteList(chosen.map((c) => c.label))} to parts of the name; map either the full name or the first and last name.`,
        columnIndexes: [nameColumn.columnIndex, ...chosen.map((c) => c.columnIndex)],
      });
    } else if (chosen.length > 0) {
      Object.assign(nameColumn, {
        target: null,
        match: "none",
        note: `Not used: the name is joined from ${quoteList(chosen.map((c) => c.label))}.`,
      });
    } else {
      for (const part of nameParts) {
        Object.assign(part, {
          target: null,
          match: "none",
          note: `Not needed: "${nameColumn.label}" has the full name.`,
        });
      }
    }
  }

  const mapped = new Set(columns.map((c) => c.target).filter((t): t is MappingTarget => t !== null));
  if (!mapped.has("name") && !mapped.has("firstName") && !mapped.has("lastName")) {
    problems.push({
      code: "required-unmapped",
      message: "No column is mapped to name (required). Choose the column that holds each rep's name.",
      columnIndexes: [],
    });
  }
  if (!mapped.has("role")) {
    problems.push({
      code: "required-unmapped",
      message:
        "No column is mapped to role (required). Choose the column that says whether each rep sells inside, outside or hybrid; if the file has none, add one.",
      columnIndexes: [],
    });
  }

  return { columns, unmapped: columns.filter((c) => c.target === null), problems };
}

/**
 * What to store so the next upload with the same headers is offered the same mapping: every column that
 * was mapped, and every column the user chose to ignore. Columns that simply matched nothing are left out,
 * so a header that a later version learns to recognise is not pinned to "ignored".
 */
export function mappingToRemember(columns: readonly ColumnMapping[]): Record<string, MappingTarget | null> {
  const remembered: Record<string, MappingTarget | null> = {};
  // Headers equal once normalized ("role" and "Role") share a key: remember it only if they agree, or the
  // choice made for one column would be replayed on both next time.
  const conflicting = new Set<string>();
  for (const column of columns) {
    if (column.normalizedHeader === "" || column.match === "none") continue;
    const key = column.normalizedHeader;
    if (Object.prototype.hasOwnProperty.call(remembered, key) && remembered[key] !== column.target)
      conflicting.add(key);
    remembered[key] = column.target;
  }
  for (const key of conflicting) delete remembered[key];
  return remembered;
}
