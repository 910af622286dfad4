import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import zh from "../../../messages/zh-CN.json";
import { LOCALES } from "@/lib/i18n/locales";

type Tree = { [key: string]: string | Tree };

/** Every leaf of a catalogue as "a.b.c" → message. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message uses: `{name}`, `{count, plural, …}` → name, count. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

/** Keys in `a` and not in `b`. */
const missingIn = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => !b.has(k));

const catalogues = { en: leaves(en as Tree), "zh-CN": leaves(zh as Tree) };

describe("message catalogues", () => {
  it("exist for every locale", () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  it("have the same keys in English and Chinese", () => {
    expect(missingIn(catalogues.en, catalogues["zh-CN"]), "keys missing in zh-CN.json").toEqual([]);
    expect(missingIn(catalogues["zh-CN"], catalogues.en), "keys missing in en.json").toEqual([]);
  });

  it("use the same arguments in both languages", () => {
    const differing = [...catalogues.en]
      .filter(([key, message]) => {
        const other = catalogues["zh-CN"].get(key);
        return other !== undefined && argumentsOf(other).join() !== argumentsOf(message).join();
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it("leave no message empty, and no Chinese message untranslated", () => {
    const empty = [...catalogues.en, ...catalogues["zh-CN"]]
      .filter(([, m]) => m.trim() === "")
      .map(([k]) => k);
    expect(empty).toEqual([]);
    // A Chinese message identical to the English one with English words in it was forgotten, not translated.
    const same = [...catalogues.en]
      .filter(
        ([key, m]) => catalogues["zh-CN"].get(key) === m && /[a-z]{3,}/.test(m.replace(/\{[^}]*\}/g, "")),
      )
      .map(([key]) => key);
    expect(same).toEqual([]);
  });

  it("the check itself notices a key present in one locale only", () => {
    const a = leaves({ x: { y: "1", z: "2" } });
    const b = leaves({ x: { y: "1" } });
    expect(missingIn(a, b)).toEqual(["x.z"]);
  });
});
