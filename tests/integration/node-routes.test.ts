import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_ROUTE_PREFIXES, nodeRoutes } from "@/app/api/node-routes";
import { compileRoutes, matchRoute, type RouteEntry } from "@/server/serve/routes";

const appDir = path.resolve(__dirname, "../../src/app");

/** Every route.ts under src/app/api, as its folder pattern ("/api/v1/imports/[id]/reps"). */
function routeFolders(dir = path.join(appDir, "api")): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFolders(full));
    else if (entry.name === "route.ts")
      found.push(`/${path.relative(appDir, dir).split(path.sep).join("/")}`);
  }
  return found;
}

describe("the routes the SalesMix server answers itself", () => {
  it("are exactly the route files under its prefixes, each with that file's own handlers", async () => {
    const underPrefixes = routeFolders().filter((folder) =>
      NODE_ROUTE_PREFIXES.some((prefix) => folder === prefix || folder.startsWith(`${prefix}/`)),
    );
    expect(nodeRoutes.map((r) => r.pattern).sort()).toEqual(underPrefixes.sort());
    for (const route of nodeRoutes) {
      const file = (await import(path.join(appDir, route.pattern, "route.ts"))) as Record<string, unknown>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof file[m] === "function");
      expect(methods.length, route.pattern).toBeGreaterThan(0);
      for (const method of methods)
        expect(route.module[method], `${method} ${route.pattern}`).toBe(file[method]);
    }
  });

  it("leave Auth.js, the app's uploads and downloads, and pages to Next.js", () => {
    const routes = compileRoutes(nodeRoutes);
    for (const [method, pathname] of [
      ["GET", "/api/auth/session"],
      ["POST", "/api/auth/callback/credentials"],
      ["POST", "/api/orgs/acme/imports"],
      ["GET", "/api/orgs/acme/export.zip"],
      ["GET", "/api/template.csv"],
      ["GET", "/o/acme/report"],
      ["GET", "/"],
    ] as const) {
      expect(matchRoute(routes, method, pathname), `${method} ${pathname}`).toBeNull();
    }
  });

  it("match each static route before the catch-all, and the catch-all for the rest of /api/v1", () => {
    const routes = compileRoutes(nodeRoutes);
    for (const route of nodeRoutes.filter((r) => !r.pattern.includes("["))) {
      const method = typeof route.module.GET === "function" ? "GET" : "POST";
      expect(matchRoute(routes, method, route.pattern)?.pattern).toBe(route.pattern);
    }
    expect(matchRoute(routes, "GET", "/api/v1/nothing/here")).toMatchObject({
      pattern: "/api/v1/[...path]",
      params: { path: ["nothing", "here"] },
    });
    expect(matchRoute(routes, "POST", "/api/trpc/imports.upload")).toMatchObject({
      pattern: "/api/trpc/[trpc]",
      params: { trpc: "imports.upload" },
    });
  });
});

describe("matchRoute", () => {
  const handler = () => new Response("ok");
  const table: RouteEntry[] = [
    { pattern: "/api/v1/report", module: { GET: handler } },
    { pattern: "/api/v1/imports/[id]/reps", module: { GET: handler } },
    { pattern: "/api/v1/[...path]", module: { GET: handler, POST: handler } },
  ];
  const routes = compileRoutes(table);

  it("decodes path parameters and gives catch-all parameters as segments", () => {
    expect(matchRoute(routes, "GET", "/api/v1/imports/a%20b/reps")?.params).toEqual({ id: "a b" });
    expect(matchRoute(routes, "GET", "/api/v1/a/b%2Fc")?.params).toEqual({ path: ["a", "b/c"] });
  });

  it("leaves to Next.js what it answers or normalizes itself", () => {
    // No handler for the method: Next.js answers 405 (or HEAD and OPTIONS from GET).
    expect(matchRoute(routes, "DELETE", "/api/v1/report")).toBeNull();
    expect(matchRoute(routes, "HEAD", "/api/v1/report")).toBeNull();
    expect(matchRoute(routes, "OPTIONS", "/api/v1/report")).toBeNull();
    // Paths Next.js redirects or normalizes.
    expect(matchRoute(routes, "GET", "/api/v1/report/")).toBeNull();
    expect(matchRoute(routes, "GET", "/api//v1/report")).toBeNull();
    expect(matchRoute(routes, "GET", "/api/v1\\report")).toBeNull();
    expect(matchRoute(routes, "GET", "/api/v1/imports/%E0%A4%A/reps")).toBeNull();
    // Empty segments and extra segments do not match a fixed route.
    expect(matchRoute(routes, "GET", "/api/v1/imports//reps")).toBeNull();
    expect(matchRoute(routes, "GET", "/api/v1/report/extra")?.pattern).toBe("/api/v1/[...path]");
    expect(matchRoute(routes, "GET", "/api/v2/report")).toBeNull();
  });
});
