import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const eslint = new ESLint({ cwd: root });

async function stateErrors(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.line);
}

const CACHES = [
  'import { LRUCache } from "lru-cache";',
  "const byKey = new Map<string, number>();",
  "export const kept = { seen: new Set<string>() };",
  "let handle: string | undefined;",
  "const lazy = () => new Map<string, number>();",
  "class Builder { private readonly rows = new Set<string>(); static all = new WeakMap(); }",
  "const reports = new LRUCache<string, string>({ max: 1 });",
  "const pinned = globalThis as unknown as { worker?: string };",
  "export { byKey, handle, lazy, Builder, reports, pinned };",
].join("\n");

describe("process-level state lives in src/server/state.ts only", () => {
  it("lint refuses a module-level cache, set, map, LRU, `let` or globalThis pin in src/server, and allows them per call or instance", async () => {
    expect(await stateErrors(CACHES, "src/server/reports/new-cache.ts")).toEqual([2, 3, 4, 6, 7, 8]);
  }, 60_000);

  it("allows them in the registry itself and outside src/server", async () => {
    expect(await stateErrors(CACHES, "src/server/state.ts")).toEqual([]);
    expect(await stateErrors(CACHES, "src/lib/csv/new-cache.ts")).toEqual([]);
  }, 60_000);
});
