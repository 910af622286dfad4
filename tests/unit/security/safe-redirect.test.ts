import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/safe-redirect";

const APP = "https://app.salesmix.example";

describe("safeCallbackUrl", () => {
  it("keeps paths of the app, with their query and fragment", () => {
    expect(safeCallbackUrl("/o/acme")).toBe("/o/acme");
    expect(safeCallbackUrl("/o/acme/report?team=East%20Coast#gaps", APP)).toBe(
      "/o/acme/report?team=East%20Coast#gaps",
    );
    expect(safeCallbackUrl("/invite/abc_DEF-123")).toBe("/invite/abc_DEF-123");
  });

  it.each([
    ["tab", "/\t/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["line feed", "/\n/evil.example"],
    ["tab between the slashes", "\t//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash after a tab", "/\t\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["protocol-relative", "//evil.example"],
    ["dot segment to protocol-relative", "/.//evil.example"],
    ["dot-dot segment to protocol-relative", "/x/..//evil.example"],
    ["absolute", "https://evil.example/"],
    ["javascript", "javascript:alert(1)"],
    ["scheme-relative with user info", "//app.salesmix.example@evil.example"],
    ["relative", "evil.example"],
  ])("refuses a %s form (%j): back to /", (_name, value) => {
    const result = safeCallbackUrl(value, APP);
    expect(result).toBe("/");
    expect(new URL(result, APP).origin).toBe(APP);
  });

  it("keeps encoded forms as the same-origin paths they are", () => {
    for (const value of ["/%2F%2Fevil.example", "/%5Cevil.example", "/%09/evil.example", "/%0d%0a/x"]) {
      const result = safeCallbackUrl(value, APP);
      expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
      expect(new URL(result, APP).origin).toBe(APP);
      expect(new URL(result, "https://other.example").host).toBe("other.example");
    }
  });

  it("refuses anything but a string, and over-long values", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(["/o/acme"])).toBe("/");
    expect(safeCallbackUrl(`/${"a".repeat(5000)}`)).toBe("/");
  });

  it("never returns something a browser would send to another host, for any input", () => {
    const pieces = ["/", "\\", "\t", "\n", "\r", ".", "..", "evil.example", "%2F", "@", ":", "?", "#", " "];
    let checked = 0;
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const value = `/${a}${b}${c}`;
          const result = safeCallbackUrl(value, APP);
          expect(new URL(result, APP).origin, JSON.stringify(value)).toBe(APP);
          expect(result.startsWith("//"), JSON.stringify(value)).toBe(false);
          checked++;
        }
    expect(checked).toBe(pieces.length ** 3);
  });
});
