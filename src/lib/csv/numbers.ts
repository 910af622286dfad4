/**
 * Reading one numeric cell as written by people and spreadsheets: "$42,833.00", "42.833,00 €", "1 234,5",
 * "$1.2M", "87 %", "(500)", "1.2E+06". The value is assembled as a decimal string and converted once, so
 * "87.5 %" is exactly 0.875 and "$1.1M" exactly 1100000 (no 1.1 × 1e6 rounding).
 */

import { MAX_NUMBER_CHARS } from "./limits";

export type DecimalSeparator = "." | ",";

/** Digits as written. An ambiguous body ("1,250": one separator, three digits after) is resolved later. */
export type NumberBody =
  | { ambiguous: false; whole: string; fraction: string; evidence: DecimalSeparator | null }
  | { ambiguous: true; separator: DecimalSeparator; left: string; right: string; evidence: null };

export type NumberScan =
  | { kind: "empty" }
  | { kind: "invalid"; reason: string | null }
  | {
      kind: "number";
      negative: boolean;
      body: NumberBody;
      /** Power of ten from a suffix (K, M, 万), an exponent, or % (−2). */
      shift: number;
      percent: boolean;
      /** The currency mark as written (normalized to NFKC), e.g. "$", "€", "EUR"; null when none. */
      currency: string | null;
      /** The decimal separator this value proves, when it does ("42.833,00" proves ","). */
      evidence: DecimalSeparator | null;
    };

export interface ScanOptions {
  money: boolean;
  percent: boolean;
  days: boolean;
}

const EMPTY: NumberScan = { kind: "empty" };
const INVALID: NumberScan = { kind: "invalid", reason: null };

/** Cells that mean "no value" in exports. */
const PLACEHOLDERS = new Set(["-", "–", "—", "n/a", "na", "#n/a", "null", "none", "nil", "(blank)", "?"]);

/** ISO codes and symbols accepted as currency marks, with the ISO codes each can stand for. */
const DOLLAR_CODES = ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN", "TWD"];
export const CURRENCY_MARKS: Readonly<Record<string, readonly string[]>> = {
  $: DOLLAR_CODES,
  US$: ["USD"],
  C$: ["CAD"],
  CA$: ["CAD"],
  A$: ["AUD"],
  AU$: ["AUD"],
  NZ$: ["NZD"],
  HK$: ["HKD"],
  S$: ["SGD"],
  SG$: ["SGD"],
  MX$: ["MXN"],
  NT$: ["TWD"],
  R$: ["BRL"],
  "€": ["EUR"],
  "£": ["GBP"],
  "¥": ["JPY", "CNY"],
  元: ["CNY"],
  円: ["JPY"],
  "₹": ["INR"],
  "₩": ["KRW"],
  "₽": ["RUB"],
  "₺": ["TRY"],
  "₪": ["ILS"],
  "₫": ["VND"],
  "₱": ["PHP"],
  "฿": ["THB"],
  zł: ["PLN"],
  kr: ["SEK", "NOK", "DKK", "ISK"],
  RMB: ["CNY"],
  ...Object.fromEntries(
    [
      "USD",
      "EUR",
      "GBP",
      "JPY",
      "CNY",
      "CAD",
      "AUD",
      "NZD",
      "CHF",
      "HKD",
      "SGD",
      "INR",
      "KRW",
      "BRL",
      "MXN",
      "SEK",
      "NOK",
      "DKK",
      "PLN",
      "ZAR",
      "TWD",
      "ILS",
      "TRY",
      "RUB",
      "CZK",
      "HUF",
      "THB",
      "PHP",
      "IDR",
      "MYR",
      "AED",
      "SAR",
      "VND",
      "ISK",
    ].map((code) => [code, [code]]),
  ),
};

const MARKS_LONGEST_FIRST = Object.keys(CURRENCY_MARKS).sort((a, b) => b.length - a.length);
const MARKS_BY_FIRST = new Map<string, string[]>();
const MARKS_BY_LAST = new Map<string, string[]>();
for (const mark of MARKS_LONGEST_FIRST) {
  const lower = mark.toLowerCase();
  const first = lower.charAt(0);
  const last = lower.charAt(lower.length - 1);
  MARKS_BY_FIRST.set(first, [...(MARKS_BY_FIRST.get(first) ?? []), mark]);
  MARKS_BY_LAST.set(last, [...(MARKS_BY_LAST.get(last) ?? []), mark]);
}

/** A currency mark at the start ("$42", "EUR 42") or end ("42 €") of the text, and the text without it. */
function takeCurrency(text: string, at: "start" | "end"): { mark: string; rest: string } | null {
  const key = (at === "start" ? text.charAt(0) : text.charAt(text.length - 1)).toLowerCase();
  const candidates = (at === "start" ? MARKS_BY_FIRST : MARKS_BY_LAST).get(key);
  if (!candidates) return null;
  const lower = text.toLowerCase();
  for (const mark of candidates) {
    const markLower = mark.toLowerCase();
    if (at === "start" ? lower.startsWith(markLower) : lower.endsWith(markLower)) {
      const rest = at === "start" ? text.slice(mark.length) : text.slice(0, text.length - mark.length);
      return { mark, rest: rest.trim() };
    }
  }
  return null;
}

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 3,
  tsd: 3,
  thousand: 3,
  千: 3,
  m: 6,
  mm: 6,
  mn: 6,
  mio: 6,
  million: 6,
  b: 9,
  bn: 9,
  mrd: 9,
  billion: 9,
  万: 4,
  亿: 8,
};
// The number part must end in a digit or separator, so "bn" alone or "abc" is not read as a suffix.
const MULTIPLIER_SUFFIX = /^(.*[\d.,])\s*(thousand|million|billion|tsd|mio|mrd|mm|mn|bn|k|m|b|千|万|亿)$/i;
const DAYS_SUFFIX = /^(.*[\d.,])\s*(days?|d|天)$/i;
const EXPONENT = /^(.+?)e([+-]?\d{1,3})$/i;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Characters that only ever group digits: space, apostrophe, right single quote (Swiss 1’234). */
function isGroupingOnly(code: number): boolean {
  return code === 32 || code === 39 || code === 0x2019;
}

/**
 * Digit groups between separators in text[start, end): the first of 1–3 digits and the rest of exactly 3
 * ("1,234,567"), or Indian grouping ("12,34,567"). Text without separators is always valid.
 */
function validGroups(text: string, start: number, end: number): boolean {
  const groups: number[] = [];
  let length = 0;
  for (let i = start; i < end; i++) {
    if (isDigit(text.charCodeAt(i))) length++;
    else {
      groups.push(length);
      length = 0;
    }
  }
  if (groups.length === 0) return true;
  groups.push(length);
  const [first = 0, ...rest] = groups;
  if (first < 1 || first > 3) return false;
  if (rest.every((g) => g === 3)) return true;
  const last = rest[rest.length - 1] ?? 0;
  return first <= 2 && last === 3 && rest.slice(0, -1).every((g) => g === 2);
}

function digitsOnly(text: string): string {
  let digits = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) {
      digits += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : digits + text.slice(from);
}

/** The body with the decimal separator it proves, if any; null when it is not a number. */
type BodyScan = NumberBody | null;

/** Read `text` with `decimal` (its last occurrence) as the decimal mark, every other separator grouping digits. */
function withDecimal(text: string, decimal: DecimalSeparator, evidence: DecimalSeparator | null): BodyScan {
  const at = text.lastIndexOf(decimal);
  for (let i = at + 1; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return null;
  if (!validGroups(text, 0, at)) return null;
  const whole = digitsOnly(text.slice(0, at));
  const fraction = text.slice(at + 1);
  if (whole === "" && fraction === "") return null;
  return { ambiguous: false, whole: whole || "0", fraction, evidence };
}

/** The digits-and-separators part of a number, in one pass over its characters. */
function scanBody(text: string, hasExponent: boolean): BodyScan {
  let digits = 0;
  let dots = 0;
  let commas = 0;
  let grouping = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) digits++;
    else if (code === 46) {
      dots++;
      lastDot = i;
    } else if (code === 44) {
      commas++;
      lastComma = i;
    } else if (isGroupingOnly(code)) grouping++;
    else return null;
  }
  if (digits === 0) return null;

  if (dots === 0 && commas === 0) {
    if (grouping === 0) return { ambiguous: false, whole: text, fraction: "", evidence: null };
    if (!validGroups(text, 0, text.length)) return null;
    return { ambiguous: false, whole: digitsOnly(text), fraction: "", evidence: null };
  }
  if (dots > 0 && commas > 0) {
    const decimal: DecimalSeparator = lastDot > lastComma ? "." : ",";
    if ((decimal === "." ? dots : commas) !== 1) return null;
    return withDecimal(text, decimal, decimal);
  }
  const separator: DecimalSeparator = dots > 0 ? "." : ",";
  if (dots + commas > 1) {
    // "1,234,567" or "1.234.567": the separator groups thousands, so the other one is the decimal mark.
    if (!validGroups(text, 0, text.length)) return null;
    return {
      ambiguous: false,
      whole: digitsOnly(text),
      fraction: "",
      evidence: separator === "." ? "," : ".",
    };
  }
  if (grouping > 0 || hasExponent) return withDecimal(text, separator, separator);
  const at = separator === "." ? lastDot : lastComma;
  if (text.length - at - 1 === 3 && at >= 1 && at <= 3 && text.charCodeAt(0) !== 48) {
    return { ambiguous: true, separator, left: text.slice(0, at), right: text.slice(at + 1), evidence: null };
  }
  return withDecimal(text, separator, separator);
}

function startsWithSign(text: string): boolean {
  const first = text.charAt(0);
  return first === "(" || first === "-" || first === "+" || first === "−";
}

/** A leading sign or accounting parentheses: "(5)", "-5", "+5", "−5". */
function takeSign(input: string, negative: boolean): { text: string; negative: boolean } {
  let text = input;
  let isNegative = negative;
  if (text.charCodeAt(0) === 40 && text.charCodeAt(text.length - 1) === 41) {
    isNegative = true;
    text = text.slice(1, -1).trim();
  }
  const first = text.charAt(0);
  if (first === "-" || first === "+" || first === "−") {
    if (first !== "+") isNegative = true;
    text = text.slice(1).trim();
  }
  return { text, negative: isNegative };
}

function isPlainNumber(text: string): boolean {
  if (!isDigit(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code) && code !== 46 && code !== 44) return false;
  }
  return true;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) return false;
  return true;
}

function endsWithLetter(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 0x7f;
}

/** Read the structure of one numeric cell; the separators of ambiguous values are settled by the column. */
export function scanNumber(cell: string, options: ScanOptions): NumberScan {
  const trimmed = cell.trim();
  if (trimmed === "") return EMPTY;
  if (trimmed.length > MAX_NUMBER_CHARS)
    return { kind: "invalid", reason: `longer than ${MAX_NUMBER_CHARS} characters` };
  // Most cells are plain digits and separators: no normalization, no currency or suffix checks.
  if (isPlainNumber(trimmed)) {
    const scanned = scanBody(trimmed, false);
    if (!scanned) return INVALID;
    return {
      kind: "number",
      negative: false,
      body: scanned,
      shift: 0,
      percent: false,
      currency: null,
      evidence: scanned.evidence,
    };
  }
  let text = isAscii(trimmed) ? trimmed : trimmed.normalize("NFKC").trim();
  if (text.length <= 6 && PLACEHOLDERS.has(text.toLowerCase())) return EMPTY;

  let negative = false;
  let currency: string | null = null;
  let percent = false;
  let shift = 0;

  if (startsWithSign(text)) ({ text, negative } = takeSign(text, negative));
  if (options.money) {
    const prefix = text !== "" && !isDigit(text.charCodeAt(0)) ? takeCurrency(text, "start") : null;
    if (prefix) {
      currency = prefix.mark;
      text = prefix.rest;
      if (startsWithSign(text)) ({ text, negative } = takeSign(text, negative));
    }
    const suffix =
      currency === null && text !== "" && !isDigit(text.charCodeAt(text.length - 1))
        ? takeCurrency(text, "end")
        : null;
    if (suffix) {
      currency = suffix.mark;
      text = suffix.rest;
    }
    // Spreadsheets' accounting format writes zero as "$ -".
    if (currency !== null && (text === "-" || text === "–" || text === "—" || (text === "" && negative))) {
      const zero: NumberBody = { ambiguous: false, whole: "0", fraction: "", evidence: null };
      return {
        kind: "number",
        negative: false,
        body: zero,
        shift: 0,
        percent: false,
        currency,
        evidence: null,
      };
    }
  }
  if (text.endsWith("-") && text.length > 1) {
    negative = true;
    text = text.slice(0, -1).trim();
  }
  if (text.startsWith("%") || text.endsWith("%")) {
    if (!options.percent) return { kind: "invalid", reason: "a percentage is not accepted here" };
    percent = true;
    shift -= 2;
    text = (text.startsWith("%") ? text.slice(1) : text.slice(0, -1)).trim();
  }
  if (text !== "" && endsWithLetter(text)) {
    const multiplier = options.money ? MULTIPLIER_SUFFIX.exec(text) : null;
    const days = options.days ? DAYS_SUFFIX.exec(text) : null;
    if (multiplier?.[1] !== undefined && multiplier[2]) {
      shift += MULTIPLIERS[multiplier[2].toLowerCase()] ?? 0;
      text = multiplier[1];
    } else if (days?.[1] !== undefined) {
      text = days[1];
    }
  }
  let hasExponent = false;
  if (text.includes("e") || text.includes("E")) {
    const exponent = EXPONENT.exec(text);
    if (exponent?.[1] && exponent[2]) {
      hasExponent = true;
      shift += Number(exponent[2]);
      text = exponent[1];
    }
  }
  const scanned = scanBody(text.trim(), hasExponent);
  if (!scanned) return INVALID;
  return {
    kind: "number",
    negative,
    body: scanned,
    shift,
    percent,
    currency,
    evidence: scanned.evidence,
  };
}

/** Digits and the position of the decimal point, for a body read with a given rule. */
function digitsOf(body: NumberBody, readAmbiguousAsDecimal: boolean): { whole: string; fraction: string } {
  if (!body.ambiguous) return body;
  return readAmbiguousAsDecimal
    ? { whole: body.left, fraction: body.right }
    : { whole: body.left + body.right, fraction: "" };
}

/** Move the decimal point of whole.fraction by `shift` places and convert once. */
export function shiftedDecimal(whole: string, fraction: string, shift: number): number {
  const digits = whole + fraction;
  const point = whole.length + shift;
  if (point <= 0) return Number(`0.${"0".repeat(-point)}${digits}`);
  if (point >= digits.length) return Number(digits + "0".repeat(point - digits.length));
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

/**
 * The value of a scanned number. `ambiguousAsDecimal`: whether "1,250"-like bodies use their separator as
 * the decimal mark (1.25) or as a thousands separator (1250).
 */
export function numberValue(
  scan: Extract<NumberScan, { kind: "number" }>,
  ambiguousAsDecimal: boolean,
): number {
  const { whole, fraction } = digitsOf(scan.body, ambiguousAsDecimal);
  const magnitude =
    scan.shift === 0
      ? Number(fraction === "" ? whole : `${whole}.${fraction}`)
      : shiftedDecimal(whole, fraction, scan.shift);
  return scan.negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** Shortest plain decimal for a non-negative finite number: never exponent notation ("1e-7" → "0.0000001"). */
export function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  return shiftedDecimalString(match[1] ?? "", match[2] ?? "", Number(match[3]));
}

function shiftedDecimalString(whole: string, fraction: string, shift: number): string {
  const digits = whole + fraction;
  const point = whole.length + shift;
  let text: string;
  if (point <= 0) text = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + "0".repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  const [intPart = "0", fracPart = ""] = text.split(".");
  const trimmedInt = intPart.replace(/^0+(?=\d)/, "");
  const trimmedFrac = fracPart.replace(/0+$/, "");
  return trimmedFrac === "" ? trimmedInt : `${trimmedInt}.${trimmedFrac}`;
}

/** A plain decimal moved by `shift` places, as text: ("0.875", 2) → "87.5". */
export function shiftDecimalText(decimal: string, shift: number): string {
  const [whole = "0", fraction = ""] = decimal.split(".");
  return shiftedDecimalString(whole, fraction, shift);
}
