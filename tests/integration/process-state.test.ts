/**
 * In production the services are loaded twice in one process: Next.js's server bundle renders the pages, the
 * SalesMix server's bundle (src/serve) answers the HTTP API (REST and tRPC, src/server/http). Here the second copy is a
 * fresh module graph (`vi.resetModules`), so a module-level cache would exist twice, as it would in production:
 * these tests fail unless both copies share src/server/state.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../helpers/db";
import { newTenant } from "../helpers/callers";
import { apiRequest, createKey } from "./api-helpers";
import type { DatabaseHandle } from "@/server/db/client";
import type { Context } from "@/server/api/trpc";
import * as pages from "@/server/api/root";
import * as pageReports from "@/server/reports/report";
import { findActiveSession, createSession } from "@/server/auth/sessions";

type ApiCopy = {
  http: typeof import("@/server/http/app");
  reports: typeof import("@/server/reports/report");
  state: typeof import("@/server/state");
};

const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));
let handle: DatabaseHandle;
let api: ApiCopy;

beforeAll(async () => {
  handle = await createTestDatabase();
  vi.resetModules();
  api = {
    http: await import("@/server/http/app"),
    reports: await import("@/server/reports/report"),
    state: await import("@/server/state"),
  };
});
afterAll(async () => {
  await handle.close();
});

/** A REST API request, answered by the API's copy of the services. */
function restOverHttp(request: Request) {
  return api.http.createHttpApp().fetch(request, { database: handle.db });
}

/** A signed-in tenant with a team; its session is a real row of the sessions table. */
async function tenantWithTeam(label: string) {
  const t = await newTenant(handle.db, label);
  const sessionId = await createSession(handle.db, t.user.id, {});
  const context = (headers = new Headers()): Context => ({
    db: handle.db,
    headers,
    ip: "203.0.113.9",
    sessionId,
    loadUser: () => findActiveSession(handle.db, sessionId),
  });
  const key = (await createKey(t, "read_write")).key;
  const imported = await restOverHttp(
    apiRequest("POST", "/imports?as_of=2026-09-30&period=Q3", { key, csv: fixture }),
  );
  expect(imported.status).toBe(201);
  return { ...t, key, context };
}

/** The dashboard page: a server component calls the router in Next.js's copy of the services. */
async function renderDashboard(t: Awaited<ReturnType<typeof tenantWithTeam>>) {
  const report = await pages.createCaller(t.context()).report.overview({ orgSlug: t.org.slug });
  expect(report?.snapshot.rowCount).toBeGreaterThan(0);
}

/** tRPC over HTTP as the SalesMix server answers it, in its own copy of the services. */
async function trpcOverHttp(
  t: Awaited<ReturnType<typeof tenantWithTeam>>,
  procedure: string,
  input: unknown,
) {
  const req = new Request(`http://salesmix.test/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "salesmix.test" },
    body: JSON.stringify({ json: input }),
  });
  const app = api.http.createHttpApp({ trpcContext: async (headers) => t.context(headers) });
  const res = await app.fetch(req);
  expect(res.status).toBe(200);
}

describe("one process state for both copies of the services", () => {
  it("the second copy is a separate module graph sharing one state object", () => {
    expect(api.reports.getReport).not.toBe(pageReports.getReport);
    expect(api.state.processState()).toBe(
      (globalThis as Record<symbol, unknown>)[Symbol.for("salesmix.processState")],
    );
  });

  it("a report cached by a page render is seen by the API's copy, and the API's by the page's", async () => {
    const t = await tenantWithTeam("seen");
    await renderDashboard(t);
    expect(api.reports.keptReportsOf(t.org.id)).toBe(1);
    const apiReport = await restOverHttp(apiRequest("GET", "/report?team=West", { key: t.key }));
    expect(apiReport.status).toBe(200);
    expect(pageReports.keptReportsOf(t.org.id)).toBe(2);
  });

  it("an import through the REST API drops the reports the page cached", async () => {
    const t = await tenantWithTeam("import");
    await renderDashboard(t);
    expect(pageReports.keptReportsOf(t.org.id)).toBe(1);
    const res = await restOverHttp(
      apiRequest("POST", "/imports?as_of=2026-10-31&period=Q4&allow_duplicate=true", {
        key: t.key,
        csv: fixture,
      }),
    );
    expect(res.status).toBe(201);
    expect(pageReports.keptReportsOf(t.org.id)).toBe(0);
  });

  it("a profile change through the REST API drops the reports the page cached", async () => {
    const t = await tenantWithTeam("patch");
    await renderDashboard(t);
    expect(pageReports.keptReportsOf(t.org.id)).toBe(1);
    const res = await restOverHttp(
      apiRequest("PATCH", "/organization", { key: t.key, json: { employeeCount: 77 } }),
    );
    expect(res.status).toBe(200);
    expect(pageReports.keptReportsOf(t.org.id)).toBe(0);
  });

  it("a profile change through tRPC over HTTP drops the reports the page cached", async () => {
    const t = await tenantWithTeam("profile");
    await renderDashboard(t);
    expect(pageReports.keptReportsOf(t.org.id)).toBe(1);
    await trpcOverHttp(t, "org.updateProfile", { orgSlug: t.org.slug, employeeCount: 42 });
    expect(pageReports.keptReportsOf(t.org.id)).toBe(0);
  });

  it("a profile change in a page's server action drops the reports the API cached", async () => {
    const t = await tenantWithTeam("reverse");
    const res = await restOverHttp(apiRequest("GET", "/report", { key: t.key }));
    expect(res.status).toBe(200);
    expect(pageReports.keptReportsOf(t.org.id)).toBe(1);
    await pages.createCaller(t.context()).org.updateProfile({ orgSlug: t.org.slug, employeeCount: 9 });
    expect(api.reports.keptReportsOf(t.org.id)).toBe(0);
  });

  it("an organization deleted through tRPC over HTTP leaves none of its reports, and others' alone", async () => {
    const t = await tenantWithTeam("delete");
    const other = await tenantWithTeam("other");
    await renderDashboard(t);
    await renderDashboard(other);
    expect(pageReports.keptReportsOf(t.org.id)).toBe(1);
    await trpcOverHttp(t, "org.delete", { orgSlug: t.org.slug, confirmation: t.org.slug });
    expect(pageReports.keptReportsOf(t.org.id)).toBe(0);
    expect(pageReports.keptReportsOf(other.org.id)).toBe(1);
  });
});
