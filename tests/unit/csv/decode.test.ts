import { describe, expect, it } from "vitest";
import { decodeCsvBytes, describeEncoding } from "@/lib/csv";
import { binaryTextProblem } from "@/lib/csv/decode";
import { fixtureBytes } from "./helpers";

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, order: "le" | "be", bom = true): Uint8Array {
  const bytes: number[] = bom ? (order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = order === "le" ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    bytes.push(...pair);
  }
  return Uint8Array.from(bytes);
}

function decoded(bytes: Uint8Array) {
  const result = decodeCsvBytes(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe("decodeCsvBytes", () => {
  it("reads UTF-8 without BOM", () => {
    const r = decoded(utf8("name,role\nJosé,inside\n"));
    expect(r.decoding).toEqual({ encoding: "utf-8", bom: false });
    expect(r.text).toBe("name,role\nJosé,inside\n");
  });

  it("reads UTF-8 with BOM and removes the BOM from the text", () => {
    const r = decoded(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("姓名,角色\n")]));
    expect(r.decoding).toEqual({ encoding: "utf-8", bom: true });
    expect(r.text).toBe("姓名,角色\n");
  });

  it.each(["le", "be"] as const)("reads UTF-16 %s with BOM", (order) => {
    const r = decoded(utf16("name\trole\r\n王芳\tinside\r\n", order));
    expect(r.decoding).toEqual({ encoding: `utf-16${order}`, bom: true });
    expect(r.text).toBe("name\trole\r\n王芳\tinside\r\n");
  });

  it("recognises UTF-16 LE without BOM by its zero bytes", () => {
    const r = decoded(utf16("name,role\r\nAna,inside\r\n", "le", false));
    expect(r.decoding).toEqual({ encoding: "utf-16le", bom: false });
    expect(r.text).toBe("name,role\r\nAna,inside\r\n");
  });

  it("falls back to Windows-1252 when the bytes are not valid UTF-8, euro sign and smart quotes included", () => {
    // 0x80 € · 0x93/0x94 “ ” · 0xe9 é · 0xfc ü
    const bytes = Uint8Array.from([
      ...utf8("name,team\n"),
      0x93,
      0x4a,
      0x6f,
      0x73,
      0xe9,
      0x94,
      0x2c,
      0x80,
      0xfc,
      0x0a,
    ]);
    const r = decoded(bytes);
    expect(r.decoding.encoding).toBe("windows-1252");
    expect(r.text).toBe("name,team\n“José”,€ü\n");
  });

  it("decodes the Windows-1252 fixture", () => {
    const r = decoded(fixtureBytes("windows-1252.csv"));
    expect(r.decoding.encoding).toBe("windows-1252");
    expect(r.text).toContain("José Müller,inside,Zürich,€42833");
  });

  it("keeps valid UTF-8 that merely contains U+FFFD", () => {
    const r = decoded(utf8("a,b\n37\uFFFD36',x\n"));
    expect(r.decoding.encoding).toBe("utf-8");
    expect(r.text).toContain("\uFFFD");
  });

  it("refuses a PNG renamed .csv with a message naming it", () => {
    const r = decodeCsvBytes(fixtureBytes("png-renamed.csv"));
    expect(r).toEqual({
      ok: false,
      error: { code: "binary", message: "This is a PNG image, not a CSV file." },
    });
  });

  it("refuses an .xlsx workbook and says how to save it as CSV", () => {
    const r = decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Excel workbook.*Save As › CSV UTF-8/);
  });

  it("refuses bytes with NUL characters that are not UTF-16", () => {
    const bytes = Uint8Array.from([
      ...utf8("name,role\n"),
      0x00,
      0x13,
      0x37,
      0xff,
      0x00,
      0x00,
      0x00,
      0x9a,
      0x01,
    ]);
    const r = decodeCsvBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("binary");
  });

  it("refuses text full of control characters (random bytes read as Windows-1252)", () => {
    const bytes = Uint8Array.from(
      { length: 2000 },
      (_, i) => [0x01, 0x02, 0x41, 0x9c, 0x1b, 0x42][i % 6] ?? 0x41,
    );
    expect(decodeCsvBytes(bytes).ok).toBe(false);
  });

  it("tolerates a stray control character and drops a DOS end-of-file mark", () => {
    const text = `name,role\n${"Ana,inside\n".repeat(50)}Bo\u000b,outside\n\u001a`;
    const r = decoded(utf8(text));
    expect(r.text.endsWith("outside\n")).toBe(true);
    expect(binaryTextProblem(r.text)).toBeNull();
  });

  it("describes the encoding for the preview", () => {
    expect(describeEncoding({ encoding: "utf-8", bom: true })).toBe("UTF-8 with byte-order mark");
    expect(describeEncoding({ encoding: "windows-1252", bom: false })).toMatch(/not valid UTF-8/);
  });
});
