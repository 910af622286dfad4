import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "@/lib/i18n/locales";
import { formatter } from "@/lib/format";

describe("the locale of a request", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hans-SG", "zh-CN"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,zh;q=0.5,en;q=0.4", "zh-CN"],
    ["fr-FR, en;q=0.9, zh;q=0.8", "en"],
    ["en;q=0.2, zh;q=0.8", "zh-CN"],
    ["zh;q=0", null],
    ["de-DE", null],
    ["", null],
  ])("Accept-Language %j → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("prefers the saved choice, then the cookie, then Accept-Language, then English", () => {
    expect(resolveLocale({ saved: "zh-CN", cookie: "en", acceptLanguage: "en" })).toBe("zh-CN");
    expect(resolveLocale({ saved: null, cookie: "zh-CN", acceptLanguage: "en" })).toBe("zh-CN");
    expect(resolveLocale({ saved: "xx", cookie: "bogus", acceptLanguage: "zh-CN" })).toBe("zh-CN");
    expect(resolveLocale({ acceptLanguage: "ja" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });
});

describe("the one formatter", () => {
  const en = formatter("en");
  const zh = formatter("zh-CN");
  it("writes shares as Intl's percent, one decimal at most", () => {
    expect(en.share(0.455)).toBe("45.5%");
    expect(zh.share(0.455)).toBe("45.5%");
    expect(en.share(null)).toBe("—");
  });
  it("writes money and counts in the locale", () => {
    expect(en.money(42833, "USD")).toBe("$42,833");
    expect(zh.money(42833, "USD")).toBe("US$42,833");
    expect(zh.money(42833, "CNY")).toBe("¥42,833");
    expect(en.money(5, "XYZ")).toMatch(/XYZ/);
    expect(en.count(1234.4)).toBe("1,234");
  });
  it("signs differences with a true minus", () => {
    expect(en.premium(-0.1)).toBe("−10%");
    expect(en.points(0.05)).toBe("+5 pts");
    expect(zh.points(-0.188)).toBe("−18.8 个百分点");
  });
  it("writes dates in the locale", () => {
    const d = new Date("2026-12-08T10:00:00Z");
    expect(en.date(d, "UTC")).toBe("Dec 8, 2026");
    expect(zh.date(d, "UTC")).toBe("2026年12月8日");
  });
});
