import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
// Each snippet is linted as if it were the content of an existing file of that layer (no file is written).
const eslint = new ESLint({ cwd: root });

async function layerErrors(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .map((m) => m.ruleId)
    .filter((rule) => rule !== "@typescript-eslint/no-unused-vars");
}

describe("imports point down the layers: serve → app → components → trpc → server → lib", () => {
  it("src/server imports nothing of src/app, src/trpc, React or page navigation", async () => {
    expect(
      await layerErrors('export { constraints } from "@/app/docs/api/schema-text";', "src/server/http.ts"),
    ).toEqual(["import/no-restricted-paths"]);
    expect(await layerErrors('export { serverCaller } from "@/trpc/server";', "src/server/http.ts")).toEqual([
      "import/no-restricted-paths",
    ]);
    expect(await layerErrors('export { redirect } from "next/navigation";', "src/server/http.ts")).toEqual([
      "no-restricted-imports",
    ]);
    expect(await layerErrors('export { cache } from "react";', "src/server/http.ts")).toEqual([
      "no-restricted-imports",
    ]);
    expect(
      await layerErrors('export { getDb } from "@/server/db";', "src/app/api/template.csv/route.ts"),
    ).toEqual([]);
  }, 120_000);

  it("src/lib imports no other layer, and components take nothing from src/server", async () => {
    expect(await layerErrors('export { getDb } from "@/server/db";', "src/lib/slug.ts")).toEqual([
      "import/no-restricted-paths",
    ]);
    expect(
      await layerErrors('export type { Report } from "@/server/reports/report";', "src/components/Logo.tsx"),
    ).toEqual(["import/no-restricted-paths"]);
  }, 120_000);

  it('a client component ("use client") takes not even a type from src/server', async () => {
    const client =
      '"use client";\nimport type { AuditAction } from "@/server/audit";\nexport type A = AuditAction;\n';
    expect(await layerErrors(client, "src/app/o/[slug]/audit/AuditClient.tsx")).toEqual([
      "layers/client-imports",
    ]);
    const fromLib = '"use client";\nimport type { Role } from "@/lib/permissions";\nexport type A = Role;\n';
    expect(await layerErrors(fromLib, "src/app/o/[slug]/audit/AuditClient.tsx")).toEqual([]);
    // A server component may read the server (it renders on the server).
    const serverComponent =
      'import type { AuditAction } from "@/server/audit";\nexport type A = AuditAction;\n';
    expect(await layerErrors(serverComponent, "src/app/o/[slug]/audit/AuditClient.tsx")).toEqual([]);
  }, 120_000);
});
