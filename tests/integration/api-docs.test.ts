/**
 * The documentation is tested: the curl walkthrough of docs/api.md runs request by request (through the real
 * route files under src/app/api/v1), and the OpenAPI document is checked against the schemas and route files.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTestDatabase } from "../helpers/db";
import { newTenant } from "../helpers/callers";
import type { Database, DatabaseHandle } from "@/server/db/client";
import { organizations, reps, teamSnapshots } from "@/server/db/schema";
import { getReport } from "@/server/reports/report";
import { buildOpenApiDocument } from "@/server/http/app";
import { findOperation } from "@/server/http/openapi";
import { importQuerySchema, listRepsQuerySchema } from "@/server/rest/schemas";
import { PROBLEM_TYPE_NAMES, problemTypeUri } from "@/server/rest/problem-types";
import ApiDocsPage from "@/app/docs/api/page";
import { asAppRole, BASE_URL, createKey, httpApp, type Tenant } from "./api-helpers";

const testDb = vi.hoisted(() => ({ current: null as Database | null }));
vi.mock("@/server/db", () => ({
  getDb: async () => {
    if (!testDb.current) throw new Error("test database not open");
    return testDb.current;
  },
}));

const ROOT = path.join(__dirname, "../..");
const DOCS = fs.readFileSync(path.join(ROOT, "docs/api.md"), "utf8");
const FILES: Record<string, string> = { "team.csv": path.join(__dirname, "../fixtures/team-small.csv") };

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  testDb.current = handle.db;
});
afterAll(async () => {
  testDb.current = null;
  await handle.close();
});

// ------------------------------------------------------------ the HTTP API the server runs

/** A request through the HTTP app, on the app's ordinary role (row-level security). */
async function nextDispatch(request: Request): Promise<Response> {
  return asAppRole(handle.db, async (appDb) => httpApp.fetch(request, { database: appDb }));
}

// ------------------------------------------------------------ a small reader of the docs' shell commands

/** Shell words of one command line, with $VAR expanded outside single quotes. */
function shellWords(line: string, vars: Record<string, string>): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  const expand = (s: string) =>
    s.replace(/\$([A-Z_][A-Z0-9_]*)/g, (_m, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`docs use $${name} before setting it`);
      return value;
    });
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? "";
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      current += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      current += expand(line.slice(i + 1, end));
      i = end;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      const rest = /^[^\s'"]+/.exec(line.slice(i))?.[0] ?? c;
      current += expand(rest);
      i += rest.length - 1;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** A curl command line as the Request it sends (only the options the docs use; anything else fails). */
function curlRequest(words: string[]): Request {
  let method: string | null = null;
  let url: string | null = null;
  const headers = new Headers();
  let body: BodyInit | null = null;
  const file = (ref: string) => {
    const name = ref.replace(/^@/, "");
    const local = FILES[name];
    if (!local) throw new Error(`docs upload an unknown file ${name}`);
    return new Uint8Array(fs.readFileSync(local));
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? "";
    const next = () => {
      i++;
      return words[i] ?? "";
    };
    if (w === "-sS" || w === "-s" || w === "-S" || w === "--fail-with-body") continue;
    else if (w === "-X") method = next();
    else if (w === "-H") {
      const [name, ...value] = next().split(":");
      headers.set(name ?? "", value.join(":").trim());
    } else if (w === "--data-binary") {
      const v = next();
      body = v.startsWith("@") ? file(v) : v;
    } else if (w === "--data") body = next();
    else if (w === "-F") {
      const [name, value] = next().split("=");
      const form = new FormData();
      form.set(name ?? "", new File([file(value ?? "")], (value ?? "").replace(/^@/, "")));
      body = form;
    } else if (w.startsWith("-"))
      throw new Error(`the docs use curl option ${w}, which this test does not know`);
    else url = w;
  }
  if (!url) throw new Error("curl without a URL");
  return new Request(url, { method: method ?? (body ? "POST" : "GET"), headers, body });
}

/** `jq -r '.data[0].id'` on a parsed body; a negative index counts from the end, as in jq. */
function jqPath(value: unknown, expression: string): string {
  let current: unknown = value;
  for (const [, key, index] of expression.matchAll(/\.([A-Za-z_]\w*)|\[(-?\d+)\]/g)) {
    if (current === null || typeof current !== "object") throw new Error(`jq ${expression}: not an object`);
    current =
      key !== undefined
        ? (current as Record<string, unknown>)[key]
        : (current as unknown[]).at(Number(index));
  }
  return String(current);
}

interface DocStep {
  line: string;
  status: number;
  body: unknown;
}

/** Runs every bash block of docs/api.md in order, as a user pasting them would. */
async function runWalkthrough(vars: Record<string, string>, fixed: Set<string>): Promise<DocStep[]> {
  const steps: DocStep[] = [];
  const blocks = [...DOCS.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  for (const block of blocks) {
    const lines = block
      .replace(/\\\n\s*/g, " ")
      .split("\n")
      .map((l) => l.trim());
    for (const line of lines) {
      if (!line || line.startsWith("#")) continue;
      const exported = /^export ([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
      const captured = /^([A-Z_][A-Z0-9_]*)=\$\((curl .*) \| jq -r (.*)\)$/.exec(line);
      if (exported) {
        const [, name = "", value = ""] = exported;
        if (!fixed.has(name)) vars[name] = shellWords(value, vars).join(" ");
      } else if (captured) {
        const [, name = "", command = "", expression = ""] = captured;
        const response = await nextDispatch(curlRequest(shellWords(command, vars)));
        const body: unknown = await response.json();
        steps.push({ line, status: response.status, body });
        vars[name] = jqPath(body, shellWords(expression, vars)[0] ?? "");
      } else if (line.startsWith("curl ")) {
        const response = await nextDispatch(curlRequest(shellWords(line, vars)));
        const text = await response.text();
        steps.push({ line, status: response.status, body: text ? (JSON.parse(text) as unknown) : null });
      } else {
        throw new Error(`docs/api.md has a bash line this test cannot run: ${line}`);
      }
    }
  }
  return steps;
}

describe("docs/api.md walkthrough", () => {
  let t: Tenant;
  let steps: DocStep[];
  beforeAll(async () => {
    t = await newTenant(handle.db, "docs");
    const key = await createKey(t, "read_write", "Nightly CRM sync");
    steps = await runWalkthrough(
      { SALESMIX_URL: BASE_URL, SALESMIX_API_KEY: key.key },
      new Set(["SALESMIX_URL", "SALESMIX_API_KEY"]),
    );
  });

  it("runs every request of the walkthrough successfully, in order", () => {
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) expect(step.status, step.line).toBeLessThan(300);
    const methods = steps.map((s) => /-X (\w+)/.exec(s.line)?.[1] ?? "GET");
    expect(methods).toContain("POST");
    expect(methods).toContain("PATCH");
  });

  it("pushed the CSV as one snapshot and set the profile", async () => {
    const snapshots = await handle.db
      .select()
      .from(teamSnapshots)
      .where(eq(teamSnapshots.organizationId, t.org.id));
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ asOf: "2026-10-31", period: "Last 30 days", status: "completed" });
    expect(
      await handle.db
        .select()
        .from(reps)
        .where(eq(reps.snapshotId, snapshots[0]?.id ?? "")),
    ).toHaveLength(5);
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, t.org.id));
    expect(org).toMatchObject({ annualRevenue: 42_000_000, typicalDealSize: 18_000, salesCycleDays: 45 });
  });

  it("pulled the report the dashboard computes, and the reps of the snapshot it captured", async () => {
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, t.org.id));
    if (!org) throw new Error("no org");
    const report = steps.find((s) => s.line.includes("/api/v1/report"));
    expect(report?.body).toEqual(JSON.parse(JSON.stringify(await getReport(handle.db, org))));
    const repsStep = steps.find((s) => s.line.includes("/reps"));
    expect((repsStep?.body as { total: number }).total).toBe(5);
  });
});

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is OpenAPI 3.1 whose every schema is valid JSON Schema 2020-12", () => {
    expect(document.openapi).toBe("3.1.0");
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema(document as unknown as Record<string, unknown>, "https://salesmix.test/doc.json");
    const names = Object.keys(document.components.schemas);
    expect(names).toEqual(
      expect.arrayContaining(["Report", "Problem", "SnapshotList", "RepList", "BenchmarkDataset"]),
    );
    for (const name of names) {
      expect(
        () => ajv.compile({ $ref: `https://salesmix.test/doc.json#/components/schemas/${name}` }),
        name,
      ).not.toThrow();
    }
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const p of op.parameters)
          expect(ajv.validateSchema(p.schema), `${method} ${template} ${p.name}`).toBe(true);
        for (const media of Object.values(op.requestBody?.content ?? {}))
          expect(ajv.validateSchema(media.schema)).toBe(true);
      }
    }
  });

  it("is generated from the request schemas: parameters follow the zod objects", () => {
    const post = findOperation(document, "POST", "/api/v1/imports")?.operation;
    expect(post?.parameters.map((p) => p.name)).toEqual(Object.keys(importQuerySchema.shape));
    expect(post?.parameters.find((p) => p.name === "as_of")).toMatchObject({
      required: true,
      schema: { format: "date" },
    });
    expect(post?.parameters.find((p) => p.name === "mode")?.schema.enum).toEqual(["all", "valid_rows_only"]);
    const repsOp = findOperation(document, "GET", `/api/v1/imports/${crypto.randomUUID()}/reps`)?.operation;
    expect(repsOp?.parameters.filter((p) => p.in === "query").map((p) => p.name)).toEqual(
      Object.keys(listRepsQuerySchema.shape),
    );
    expect(post?.requestBody?.content).toHaveProperty(["text/csv"]);
    expect(post?.requestBody?.content).toHaveProperty(["multipart/form-data"]);
    const problem = document.components.schemas.Problem as { properties: { type: { enum: string[] } } };
    expect(problem.properties.type.enum).toEqual(PROBLEM_TYPE_NAMES.map(problemTypeUri));
  });

  it("documents every endpoint the app serves under /api/v1, and nothing else", () => {
    const documented = new Set<string>();
    for (const [template, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${template}`);
    }
    const served = new Set<string>();
    for (const route of httpApp.routes) {
      if (route.method === "ALL" || !route.path.startsWith("/api/v1/")) continue;
      if (route.path === "/api/v1/openapi.json") continue;
      served.add(`${route.method} ${route.path.slice("/api/v1".length).replace(/:(\w+)/g, "{$1}")}`);
    }
    expect(served.size).toBeGreaterThan(10);
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it("marks the scope of every keyed operation and its 401/403/429 problems", () => {
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const label = `${method} ${template}`;
        if (op["x-required-scope"] === "public") {
          expect(op.security, label).toEqual([]);
          continue;
        }
        expect(op.responses, label).toHaveProperty("401");
        expect(op.responses["429"]?.headers, label).toHaveProperty("Retry-After");
        expect(op.responses["403"] !== undefined, label).toBe(op["x-required-scope"] === "read_write");
        expect(op["x-curl"], label).toContain("Authorization: Bearer");
      }
    }
  });

  it("answers unknown paths under /api/v1 with a not-found problem", async () => {
    for (const [method, p] of [
      ["GET", "/api/v1/reports"],
      ["DELETE", "/api/v1/imports/x/y/z"],
    ]) {
      const res = await nextDispatch(new Request(`${BASE_URL}${p}`, { method }));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(((await res.json()) as { type: string }).type).toBe(problemTypeUri("not-found"));
    }
  });

  it("is served at /api/v1/openapi.json, and docs/api.md lists every problem type", async () => {
    const res = await nextDispatch(new Request(`${BASE_URL}/api/v1/openapi.json`));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(document)));
    for (const type of PROBLEM_TYPE_NAMES) expect(DOCS, type).toContain(`\`${type}\``);
  });

  it("renders as the /docs/api page: every endpoint, parameter, schema and problem type, with no scripts", () => {
    const html = renderToStaticMarkup(createElement(ApiDocsPage));
    for (const [template, item] of Object.entries(document.paths)) {
      expect(html).toContain(`/api/v1${template}`);
      for (const op of Object.values(item)) {
        expect(html).toContain(`id="op-${op.operationId}"`);
        for (const p of op.parameters) expect(html, `${op.operationId} ${p.name}`).toContain(`>${p.name}<`);
      }
    }
    for (const name of Object.keys(document.components.schemas))
      expect(html).toContain(`id="schema-${name}"`);
    for (const type of PROBLEM_TYPE_NAMES) expect(html).toContain(problemTypeUri(type));
    expect(html).toContain("Authorization: Bearer $SALESMIX_API_KEY");
    expect(html).toContain("&quot;snapshotId&quot;");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});
