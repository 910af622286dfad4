/**
 * Inputs built to make a careless parser slow: long runs of the characters its patterns look at (brackets,
 * separators, quotes, currency and percent signs, digits, spaces, Unicode that normalization expands). Each is a
 * whole team CSV of about `size` characters with the run in one header or one cell, so it goes through the same
 * path as an upload. Shared by tests/unit/csv/pathological.test.ts and scripts/bench-pathological.ts.
 */
export interface PathologicalInput {
  name: string;
  /** Where the run is. */
  where: "header" | "money cell" | "percent cell" | "count cell" | "name cell" | "role cell" | "team cell";
  csv: (size: number) => string;
}

const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
/** A CSV field, quoted when it must be. */
const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const HEADER = ["Name", "Role", "OTE", "Quota Attainment", "Calls", "Team"];
const ROW = ["Ada Lovelace", "inside", "$120,000", "95%", "1,250", "East"];

function withHeader(run: string): string {
  return `${[...HEADER, field(run)].join(",")}\r\n${[...ROW, "x"].join(",")}\r\n`;
}

function withCell(column: number, run: string): string {
  const row = [...ROW];
  row[column] = field(run);
  return `${HEADER.join(",")}\r\n${row.join(",")}\r\n${ROW.join(",")}\r\n`;
}

const headerRuns: [string, string][] = [
  ["opening parentheses", "("],
  ["opening brackets", "["],
  ["opening braces", "{"],
  ["CJK lenticular brackets", "【"],
  ["unclosed bracket then text", "(a"],
  ["slashes", "/"],
  ["pipes and words", "a|"],
  ["line breaks", "\n"],
  ["spaces", " "],
  ["underscores and letters", "_a"],
  ["quotes", '"'],
  ["percent and hash signs", "%#"],
  ["digits", "1"],
  ["Han and Latin alternating", "名a"],
  ["fullwidth letters (NFKC)", "Ｏ"],
  ["combining accents", "e\u0301"],
  ["ligatures that expand (NFKC)", "ﷺ"],
];

/**
 * Runs written into the header as they are, not quoted as a CSV writer would: what the CSV grammar itself meets
 * (quotes that open, close, escape or stray, never-closed quotes, thousands of one-character columns).
 */
const rawHeaderRuns: [string, (size: number) => string][] = [
  ["raw quotes, an even run", (size) => repeat('"', size & ~1)],
  ["raw quotes, an odd run (never closed)", (size) => repeat('"', size | 1)],
  ["stray quotes between letters", (size) => `a${repeat('x"', size)}`],
  ["quote and letter pairs", (size) => repeat('"x', size)],
  ["quotes and spaces", (size) => repeat('" ', size)],
  ["a quoted value, then quotes and spaces", (size) => `"x"${repeat('" ', size)}`],
  ["quotes and line breaks", (size) => repeat('"\n', size)],
  ["quotes and commas (many columns)", (size) => repeat('",', size)],
  ["doubled quotes and commas", (size) => repeat('"",', size)],
  ["commas (many empty columns)", (size) => repeat(",", size)],
];

/** Runs written into a name cell as they are (not quoted). */
const rawCellRuns: [string, (size: number) => string][] = [
  ["an opening quote never closed", (size) => `"${repeat("a", size)}`],
  ["raw quotes", (size) => repeat('"', size)],
  ["stray quotes between letters", (size) => `a${repeat('x"', size)}`],
];

const cellRuns: [PathologicalInput["where"], number, string, string][] = [
  ["money cell", 2, "dollar signs", "$"],
  ["money cell", 2, "euro signs", "€"],
  ["money cell", 2, "digits", "1"],
  ["money cell", 2, "digits and commas", "1,"],
  ["money cell", 2, "digits and dots", "1."],
  ["money cell", 2, "digits and spaces", "1 "],
  ["money cell", 2, "opening parentheses", "("],
  ["money cell", 2, "minus signs", "-"],
  ["money cell", 2, "spaces then a suffix", " "],
  ["money cell", 2, "digits then letters", "1k"],
  ["money cell", 2, "letter e", "e"],
  ["money cell", 2, "fullwidth digits (NFKC)", "１"],
  ["percent cell", 3, "percent signs", "%"],
  ["percent cell", 3, "digits and percent signs", "1%"],
  ["count cell", 4, "apostrophes", "'"],
  ["count cell", 4, "right single quotes", "1’"],
  ["name cell", 0, "letters", "a"],
  ["name cell", 0, "apostrophes (formula guard)", "'"],
  ["name cell", 0, "whitespace", " \t"],
  ["name cell", 0, "quotes", '"'],
  ["role cell", 1, "the word and", "and "],
  ["role cell", 1, "separators", "-_/"],
  ["role cell", 1, "Chinese role words", "销售"],
  ["team cell", 5, "combining accents", "a\u0301"],
];

export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[] = [
  ...headerRuns.map(([name, unit]) => ({
    name: `header: ${name}`,
    where: "header" as const,
    csv: (size: number) => withHeader(repeat(unit, size)),
  })),
  ...rawHeaderRuns.map(([name, run]) => ({
    name: `header: ${name}`,
    where: "header" as const,
    csv: (size: number) => `${HEADER.join(",")},${run(size)}\r\n${[...ROW, "x"].join(",")}\r\n`,
  })),
  ...rawCellRuns.map(([name, run]) => ({
    name: `name cell: ${name}`,
    where: "name cell" as const,
    csv: (size: number) =>
      `${HEADER.join(",")}\r\n${[run(size), ...ROW.slice(1)].join(",")}\r\n${ROW.join(",")}\r\n`,
  })),
  ...cellRuns.map(([where, column, name, unit]) => ({
    name: `${where}: ${name}`,
    where,
    csv: (size: number) => withCell(column, unit === " " ? `1${repeat(unit, size)}k` : repeat(unit, size)),
  })),
];

export const PATHOLOGICAL_SIZES = [10 * 1024, 100 * 1024, 1024 * 1024] as const;
