/**
 * Reading one numeric cell as written by people and spreadsheets: "$42,833.00", "42.833,00 €", "1 234,5",
 * "$1.2M", "87 %", "(500)", "1.2E+06". The value is assembled as a decimal string and converted once, so
 * "87.5 %" is exactly 0.875 and "$1.1M" exactly 1100000 (no 1.1 × 1e6 rounding).
 */

export type DecimalSeparator = "." | ",";

/** Digits as written. An ambiguous body ("1,250": one separator, three digits after) is resolved later. */
export type NumberBody =
  | { ambiguous: false; whole: string; fraction: string }
  | { ambiguous: true; separator: DecimalSeparator; left: string; right: string };

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
const PLAIN_NUMBER = /^\d[\d.,]*$/;
const ASCII = /^[\x20-\x7e]*$/;
const DIGITS_ONLY = /^\d*$/;

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
const MARKS_LOWER = MARKS_LONGEST_FIRST.map((mark) => [mark, mark.toLowerCase()] as const);

/** A currency mark at the start ("$42", "EUR 42") or end ("42 €") of the text, and the text without it. */
function takeCurrency(text: string, at: "start" | "end"): { mark: string; rest: string } | null {
  const lower = text.toLowerCase();
  for (const [mark, markLower] of MARKS_LOWER) {
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
const BODY = /^[\d.,' ’]+$/;
const GROUPING_ONLY = /[' ’]/;

function validGroups(intPart: string, separators: RegExp): boolean {
  if (DIGITS_ONLY.test(intPart)) return true;
  const groups = intPart.split(separators);
  if (groups.length === 1) return /^\d*$/.test(intPart);
  if (!groups.every((g) => /^\d+$/.test(g))) return false;
  const [first, ...rest] = groups;
  if (first === undefined || first.length > 3) return false;
  if (rest.every((g) => g.length === 3)) return true;
  // Indian grouping: 12,34,567
  const last = rest[rest.length - 1] ?? "";
  return first.length <= 2 && last.length === 3 && rest.slice(0, -1).every((g) => g.length === 2);
}

type BodyScan = { body: NumberBody; evidence: DecimalSeparator | null } | null;

function otherSeparator(separator: DecimalSeparator): DecimalSeparator {
  return separator === "." ? "," : ".";
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Read `text` with `decimal` as its decimal mark (the last one), every other separator grouping digits. */
function withDecimal(text: string, decimal: DecimalSeparator, evidence: DecimalSeparator | null): BodyScan {
  const at = text.lastIndexOf(decimal);
  const intPart = text.slice(0, at);
  const fraction = text.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return null;
  if (!validGroups(intPart, decimal === "." ? /[,' ’]/ : /[.' ’]/)) return null;
  const whole = intPart.replace(/[^\d]/g, "");
  if (whole === "" && fraction === "") return null;
  return { body: { ambiguous: false, whole: whole || "0", fraction }, evidence };
}

function scanBody(raw: string, hasExponent: boolean): BodyScan {
  const text = raw.trim();
  if (!BODY.test(text) || !/\d/.test(text)) return null;
  const dots = countChar(text, ".");
  const commas = countChar(text, ",");

  if (dots > 0 && commas > 0) {
    const decimal: DecimalSeparator = text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
    if ((decimal === "." ? dots : commas) !== 1) return null;
    return withDecimal(text, decimal, decimal);
  }
  if (dots + commas === 0) {
    if (!validGroups(text, /[' ’]/)) return null;
    return { body: { ambiguous: false, whole: text.replace(/[^\d]/g, ""), fraction: "" }, evidence: null };
  }
  const separator: DecimalSeparator = dots > 0 ? "." : ",";
  if (dots + commas > 1) {
    // "1,234,567" or "1.234.567": the separator groups thousands, so the other one is the decimal mark.
    if (!validGroups(text, /[.,' ’]/)) return null;
    return {
      body: { ambiguous: false, whole: text.replace(/[^\d]/g, ""), fraction: "" },
      evidence: otherSeparator(separator),
    };
  }
  if (GROUPING_ONLY.test(text) || hasExponent) return withDecimal(text, separator, separator);
  const at = text.indexOf(separator);
  const left = text.slice(0, at);
  const right = text.slice(at + 1);
  if (right.length === 3 && left.length >= 1 && left.length <= 3 && !left.startsWith("0")) {
    return { body: { ambiguous: true, separator, left, right }, evidence: null };
  }
  return withDecimal(text, separator, separator);
}

/** A leading sign or accounting parentheses: "(5)", "-5", "+5", "−5". */
function takeSign(input: string, negative: boolean): { text: string; negative: boolean } {
  let text = input;
  let isNegative = negative;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    isNegative = true;
    text = (parenthesised[1] ?? "").trim();
  }
  const sign = /^([-+−])\s*/.exec(text);
  if (sign) {
    if (sign[1] !== "+") isNegative = true;
    text = text.slice(sign[0].length);
  }
  return { text, negative: isNegative };
}

/** Read the structure of one numeric cell; the separators of ambiguous values are settled by the column. */
export function scanNumber(cell: string, options: ScanOptions): NumberScan {
  const trimmed = cell.trim();
  if (trimmed === "") return EMPTY;
  // Most cells are plain digits and separators: skip normalization and the currency and suffix checks.
  if (PLAIN_NUMBER.test(trimmed)) {
    const scanned = scanBody(trimmed, false);
    if (!scanned) return { kind: "invalid", reason: null };
    return {
      kind: "number",
      negative: false,
      body: scanned.body,
      shift: 0,
      percent: false,
      currency: null,
      evidence: scanned.evidence,
    };
  }
  let text = ASCII.test(trimmed) ? trimmed : trimmed.normalize("NFKC").trim();
  if (PLACEHOLDERS.has(text.toLowerCase())) return EMPTY;

  let negative = false;
  let currency: string | null = null;
  let percent = false;
  let shift = 0;

  ({ text, negative } = takeSign(text, negative));
  if (options.money) {
    const prefix = /^[^\d.,]/.test(text) ? takeCurrency(text, "start") : null;
    if (prefix) {
      currency = prefix.mark;
      ({ text, negative } = takeSign(prefix.rest, negative));
    }
    const suffix = currency === null && /[^\d.,%\s]$/.test(text) ? takeCurrency(text, "end") : null;
    if (suffix) {
      currency = suffix.mark;
      text = suffix.rest;
    }
    // Spreadsheets' accounting format writes zero as "$ -".
    if (currency !== null && /^[-–—]?$/.test(text.trim()) && (text.trim() !== "" || negative)) {
      const zero: NumberBody = { ambiguous: false, whole: "0", fraction: "" };
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
  const trailingMinus = /^(.*\d)\s*-$/.exec(text);
  if (trailingMinus) {
    negative = true;
    text = trailingMinus[1] ?? "";
  }
  if (/%$/.test(text) || /^%/.test(text)) {
    if (!options.percent) return { kind: "invalid", reason: "a percentage is not accepted here" };
    percent = true;
    shift -= 2;
    text = text.replace(/^%\s*|\s*%$/g, "");
  }
  if (options.money) {
    const multiplier = MULTIPLIER_SUFFIX.exec(text);
    if (multiplier?.[1] !== undefined && multiplier[2]) {
      shift += MULTIPLIERS[multiplier[2].toLowerCase()] ?? 0;
      text = multiplier[1];
    }
  }
  if (options.days) {
    const days = DAYS_SUFFIX.exec(text);
    if (days?.[1] !== undefined) text = days[1];
  }
  let hasExponent = false;
  const exponent = EXPONENT.exec(text);
  if (exponent?.[1] && exponent[2]) {
    hasExponent = true;
    shift += Number(exponent[2]);
    text = exponent[1];
  }
  const scanned = scanBody(text, hasExponent);
  if (!scanned) return { kind: "invalid", reason: null };
  return {
    kind: "number",
    negative,
    body: scanned.body,
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
  return Number(shiftedDecimalString(whole, fraction, shift));
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
