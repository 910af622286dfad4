import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Props whose string value a person reads (or hears, from a screen reader). */
export const USER_FACING_PROPS = new Set([
  "placeholder",
  "title",
  "aria-label",
  "aria-valuetext",
  "alt",
  "label",
  "hint",
]);

/**
 * Text that is the same in every language: the product's name, codes and units, symbols. A literal made only of
 * these (and punctuation, digits and spaces) is not a user-facing string that needs translating.
 */
export const LANGUAGE_FREE_TOKENS = [
  "SalesMix",
  "SM",
  "CSV",
  "API",
  "OTE",
  "ID",
  "URL",
  "XANT",
  "HMAC",
  "SHA-256",
  "JSON",
  "PDF",
  "English",
  "简体中文",
];

const TOKEN_RE = new RegExp(
  `\\b(${LANGUAGE_FREE_TOKENS.map((t) => t.replace(/[-]/g, "\\-")).join("|")})\\b`,
  "g",
);

/** True when `text` contains words a translator would translate. */
export function needsTranslation(text: string): boolean {
  // Example addresses and URLs read the same in every language.
  const rest = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "")
    .replace(/https?:\/\/\S+/g, "")
    .replace(TOKEN_RE, "")
    .replace(/简体中文/g, "");
  return /[A-Za-z]{2,}|[\u4e00-\u9fff]/.test(rest);
}

export interface Literal {
  file: string;
  line: number;
  text: string;
}

/** Literal user-facing strings in one .tsx file: JSX text, and string values of user-facing props. */
export function literalsIn(file: string, source = fs.readFileSync(file, "utf8")): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) => {
    if (!needsTranslation(text)) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push({ file, line: line + 1, text: text.trim().replace(/\s+/g, " ") });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, node.text);
    if (ts.isJsxAttribute(node) && USER_FACING_PROPS.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) add(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) {
        const e = init.expression;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) add(e, e.text);
        else if (ts.isTemplateExpression(e))
          add(e, [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(" "));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every .tsx file under the component folders. */
export function componentFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith(".tsx")) out.push(p);
    }
  };
  walk(path.join(root, "src/app"));
  walk(path.join(root, "src/components"));
  return out.sort();
}
