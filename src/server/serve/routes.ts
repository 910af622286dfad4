/**
 * Matching a request to a route handler module the way Next.js's App Router does for the routes the SalesMix
 * server answers itself (src/app/api/node-routes.ts): `[name]` is one decoded segment, `[...name]` the rest of
 * the path as decoded segments, and the first entry that matches wins, so static routes come before dynamic ones.
 */

/** A route.ts module: its exported HTTP-method handlers (and Next.js segment config, ignored here). */
export type RouteModule = Readonly<Record<string, unknown>>;
export type RouteParams = Record<string, string | string[]>;
type RouteHandler = (
  request: Request,
  context: { params: Promise<RouteParams> },
) => Response | Promise<Response>;

export interface RouteEntry {
  /** The route's folder under src/app, e.g. "/api/v1/imports/[id]/reps". */
  pattern: string;
  module: RouteModule;
}

export interface RouteMatch {
  pattern: string;
  handler: RouteHandler;
  params: RouteParams;
}

interface CompiledRoute {
  entry: RouteEntry;
  segments: ({ kind: "static"; value: string } | { kind: "param" | "rest"; name: string })[];
}

const METHODS: readonly string[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export function compileRoutes(entries: readonly RouteEntry[]): CompiledRoute[] {
  return entries.map((entry) => ({
    entry,
    segments: entry.pattern
      .split("/")
      .slice(1)
      .map((segment) => {
        const rest = /^\[\.\.\.(\w+)\]$/.exec(segment);
        if (rest) return { kind: "rest" as const, name: rest[1]! };
        const param = /^\[(\w+)\]$/.exec(segment);
        if (param) return { kind: "param" as const, name: param[1]! };
        return { kind: "static" as const, value: segment };
      }),
  }));
}

/**
 * The handler for `method` on `pathname`, or null when this table does not answer it and Next.js should: no
 * route matches, the route has no handler for the method (Next.js answers HEAD, OPTIONS and 405), or the path
 * is one Next.js normalizes first (a trailing slash, `//`, a backslash, a malformed escape).
 */
export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  pathname: string,
): RouteMatch | null {
  if (!METHODS.includes(method)) return null;
  if (pathname.length > 1 && pathname.endsWith("/")) return null;
  if (pathname.includes("//") || pathname.includes("\\")) return null;
  const parts = pathname.split("/").slice(1);
  let decoded: string[];
  try {
    decoded = parts.map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
  for (const route of routes) {
    const params = matchSegments(route.segments, decoded);
    if (!params) continue;
    const handler = route.entry.module[method];
    if (typeof handler !== "function") return null;
    return { pattern: route.entry.pattern, handler: handler as RouteHandler, params };
  }
  return null;
}

function matchSegments(segments: CompiledRoute["segments"], parts: string[]): RouteParams | null {
  const params: RouteParams = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === "rest") {
      if (i >= parts.length) return null;
      params[segment.name] = parts.slice(i);
      return params;
    }
    const part = parts[i];
    if (part === undefined || part === "") return null;
    if (segment.kind === "static") {
      if (part !== segment.value) return null;
    } else {
      params[segment.name] = part;
    }
  }
  return parts.length === segments.length ? params : null;
}
