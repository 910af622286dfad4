import path from "node:path";
import { describe, expect, it } from "vitest";
import baseline from "./untranslated-baseline.json";
import { componentFiles, literalsIn, needsTranslation } from "./literal-strings";

const root = path.resolve(__dirname, "../../..");

/**
 * Components render their text from messages/*.json, never as literals. untranslated-baseline.json lists the
 * screens not converted yet with how many literals each still has: that number may only go down, and every other
 * component must have none.
 */
describe("no literal user-facing strings in components", () => {
  const limits = baseline as Record<string, number>;

  it("finds no new literal in src/app and src/components", () => {
    const over: string[] = [];
    for (const file of componentFiles(root)) {
      const rel = path.relative(root, file);
      const found = literalsIn(file);
      const allowed = limits[rel] ?? 0;
      if (found.length > allowed)
        over.push(
          `${rel}: ${found.length} literal strings (allowed ${allowed}); translate them:\n` +
            found.map((l) => `  line ${l.line}: ${JSON.stringify(l.text)}`).join("\n"),
        );
    }
    expect(over.join("\n")).toBe("");
  });

  it("notices JSX text and user-facing props, and lets language-free tokens through", () => {
    const source = `export const A = () => (
      <div title="Open the report" aria-label={"Close"}>
        Upload your team
        <input placeholder={\`Search \${"x"}\`} />
        <span>{t("ok")}</span>
        <b>SalesMix · CSV · 45.5% · —</b>
        <i className="text-sm" data-testid="kpi-reps" />
      </div>
    );`;
    const found = literalsIn("snippet.tsx", source).map((l) => l.text);
    expect(found).toEqual(["Open the report", "Close", "Upload your team", "Search"]);
    expect(needsTranslation("API · OTE · 2026")).toBe(false);
    expect(needsTranslation("概览")).toBe(true);
  });
});
