import type { CsvDecoding, CsvEncoding, CsvFileError } from "./types";

export type DecodeResult =
  { ok: true; text: string; decoding: CsvDecoding } | { ok: false; error: CsvFileError };

/** Files that are not text, recognised by their first bytes, with what to tell the user. */
const KNOWN_BINARY_FORMATS: ReadonlyArray<{ magic: readonly number[]; message: string }> = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    message:
      "This is an Excel workbook (.xlsx) or another zip file, not a CSV file. In Excel choose File › Save As › CSV UTF-8, then upload that file.",
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    message:
      "This is an older Excel workbook (.xls), not a CSV file. In Excel choose File › Save As › CSV UTF-8, then upload that file.",
  },
  { magic: [0x89, 0x50, 0x4e, 0x47], message: "This is a PNG image, not a CSV file." },
  { magic: [0xff, 0xd8, 0xff], message: "This is a JPEG image, not a CSV file." },
  { magic: [0x47, 0x49, 0x46, 0x38], message: "This is a GIF image, not a CSV file." },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], message: "This is a PDF document, not a CSV file." },
  { magic: [0x1f, 0x8b], message: "This is a compressed (gzip) file, not a CSV file; decompress it first." },
];

const BINARY_MESSAGE =
  "This file contains binary data, not text, so it is not a CSV file. If it is a spreadsheet, save it as CSV (UTF-8) first.";

/** How far into the file the binary and UTF-16 heuristics look. */
const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Text from UTF-16 without a byte-order mark shows as a zero byte in every other position (ASCII letters
 * are 00 xx or xx 00). Returns the byte order when the first bytes look like that.
 */
function sniffUtf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = length / 2;
  if (zeroOdd >= pairs * 0.4 && zeroEven <= pairs * 0.05) return "utf-16le";
  if (zeroEven >= pairs * 0.4 && zeroOdd <= pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * A message when decoded text is not plausibly a CSV: a NUL character, or more than 1 % control characters
 * (other than tab, line breaks, form feed and the old DOS end-of-file mark) in the first 64 K characters.
 * A NUL character further on is refused too, naming its line: no value can hold one (PostgreSQL text
 * cannot), so a file with a NUL past the first 64 K characters would otherwise fail only while being saved.
 */
export function binaryTextProblem(text: string): string | null {
  const length = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return BINARY_MESSAGE;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1a) {
      controls++;
    }
  }
  if (length > 0 && controls > length * 0.01) return BINARY_MESSAGE;
  const nul = text.indexOf("\u0000", length);
  return nul === -1 ? null : nulCharacterMessage(text, nul);
}

function nulCharacterMessage(text: string, at: number): string {
  let line = 1;
  for (let i = 0; i < at; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return `Line ${line.toLocaleString("en-US")} of the file contains a NUL character (a zero byte), which a CSV file cannot hold; the file may be damaged. Remove that character or export the file again, then upload it.`;
}

/** Remove what is not content: a byte-order mark left in text and DOS end-of-file marks (Ctrl-Z) at the end. */
export function cleanDecodedText(text: string): string {
  let cleaned = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let end = cleaned.length;
  while (end > 0 && cleaned.charCodeAt(end - 1) === 0x1a) end--;
  if (end !== cleaned.length) cleaned = cleaned.slice(0, end);
  return cleaned;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (WHATWG index). TextDecoder("windows-1252") should apply
 * them itself, but Node since 20.18.3 / 22.13.0 decodes that label as Latin-1 and returns U+0080–U+009F
 * (nodejs/node#56542, #60888), so "€" would become an invisible control character. Remapping those code
 * points gives the right text with a correct decoder and with the broken one.
 */
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

/**
 * Decode an uploaded file: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without when the zero-byte
 * pattern is unmistakable), and Windows-1252 when the bytes are not valid UTF-8. Binary files are refused.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  for (const format of KNOWN_BINARY_FORMATS) {
    if (startsWith(bytes, format.magic))
      return { ok: false, error: { code: "binary", message: format.message } };
  }

  let text: string;
  let decoding: CsvDecoding;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3));
    decoding = { encoding: "utf-8", bom: true };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    text = new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2));
    decoding = { encoding: "utf-16le", bom: true };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2));
    decoding = { encoding: "utf-16be", bom: true };
  } else {
    const utf16 = bytes.subarray(0, SNIFF_BYTES).includes(0) ? sniffUtf16WithoutBom(bytes) : null;
    if (utf16) {
      text = new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes);
      decoding = { encoding: utf16, bom: false };
    } else {
      const utf8 = decodeStrict(bytes, "utf-8");
      if (utf8 !== null) {
        text = utf8;
        decoding = { encoding: "utf-8", bom: false };
      } else {
        text = decodeWindows1252(bytes);
        decoding = { encoding: "windows-1252", bom: false };
      }
    }
  }

  const binary = binaryTextProblem(text);
  if (binary) return { ok: false, error: { code: "binary", message: binary } };
  return { ok: true, text: cleanDecodedText(text), decoding };
}

/**
 * GB18030 (the superset of GBK that Chinese Excel writes by default) for bytes that are not UTF-8. Western
 * Windows-1252 text often decodes as valid GB18030 too, so the caller picks this only when it makes the
 * header row match more fields. Null when the bytes are not valid GB18030.
 */
export function decodeGb18030(bytes: Uint8Array): string | null {
  const text = decodeStrict(bytes, "gb18030");
  return text === null || binaryTextProblem(text) ? null : cleanDecodedText(text);
}

/** Decode bytes the way a preview already decided (for the second pass over the same file). */
export function decodeWithEncoding(bytes: Uint8Array, decoding: CsvDecoding): string {
  const encoding: CsvEncoding = decoding.encoding;
  if (encoding === "text") return cleanDecodedText(new TextDecoder("utf-8").decode(bytes));
  if (encoding === "windows-1252") return cleanDecodedText(decodeWindows1252(bytes));
  const skip = !decoding.bom ? 0 : encoding === "utf-8" ? 3 : 2;
  return cleanDecodedText(new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(skip)));
}

export function describeEncoding(decoding: CsvDecoding): string {
  const names: Record<CsvEncoding, string> = {
    "utf-8": "UTF-8",
    "utf-16le": "UTF-16 (little-endian)",
    "utf-16be": "UTF-16 (big-endian)",
    "windows-1252": "Windows-1252 (the bytes are not valid UTF-8)",
    gb18030: "GB18030 / GBK (the bytes are not valid UTF-8)",
    text: "text as received",
  };
  const name = names[decoding.encoding];
  if (decoding.encoding === "text") return name;
  return decoding.bom ? `${name} with byte-order mark` : name;
}
