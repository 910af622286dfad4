import http from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/db";
import { addMember, newTenant } from "../helpers/callers";
import type { Database, DatabaseHandle } from "@/server/db/client";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { TRPC_LIMITS } from "@/server/api/http-handler";
import { createHttpApp } from "@/server/http/app";
import { handleUpload, type UploadAccessLookup } from "@/server/imports/upload-request";
import { findOrgAccess } from "@/server/orgs/access.server";
import { createRequestListener } from "@/server/serve/listener";
import { compileTrustProxy, type TrustProxy } from "@/server/serve/request-gate";
import { clientIp } from "@/server/http";
import { LIMITS } from "@/server/ratelimit";
import type { SessionUser } from "@/server/auth/sessions";
import { MAX_BYTES } from "@/lib/csv";

/**
 * The SalesMix server's request path over a real HTTP server: its listener (request gate, own routes), the tRPC
 * route handler on a test database, and the upload handler, with a user chosen by the test standing in for the
 * session cookie.
 */
let handle: DatabaseHandle;
let server: http.Server;
let port: number;
let trust: TrustProxy = compileTrustProxy(undefined);
let uploader: { user: SessionUser; slug: string } | null = null;

const findAccess: UploadAccessLookup = async (_req, slug) => {
  if (!uploader) return null;
  return {
    db: handle.db,
    user: uploader.user,
    access: await findOrgAccess(handle.db, uploader.user.id, slug),
  };
};

/**
 * The HTTP API the server runs (src/server/http) on the test database, beside two routes of the test's own that
 * say what a handler sees, and the upload handler (a Next.js route in the app) mounted the same way.
 */
function testApi() {
  const context = async (headers: Headers) => ({
    db: handle.db,
    headers,
    ip: clientIp(headers),
    sessionId: null,
    loadUser: async () => null,
  });
  const app = new Hono<{ Bindings: { database?: Database } }>();
  app.use(async (c, next) => {
    c.env = { ...c.env, database: handle.db };
    await next();
  });
  app.post("/api/orgs/:slug/imports", (c) => handleUpload(c.req.raw, c.req.param("slug"), findAccess));
  app.get("/ip", (c) => c.json({ ip: clientIp(c.req.raw.headers) }));
  app.get("/url", (c) => c.json({ url: c.req.url }));
  app.route("/", createHttpApp({ trpcContext: context }));
  return app;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const api = testApi();
  server = http.createServer(
    createRequestListener({
      trust: (address, hop) => trust(address, hop),
      mode: "production",
      api: { serves: () => true, listener: getRequestListener(api.fetch, { overrideGlobalObjects: false }) },
      next: async (_req, res) => void res.writeHead(404).end(),
    }),
  );
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
  await handle.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Request body bytes the client had written when the answer's headers arrived. */
  writtenWhenAnswered: number;
}

/**
 * One request with Node's HTTP client. `body`: a string, or `{ chunked: n }` to stream n bytes in 64 KB chunks
 * (no Content-Length), stopping as soon as the answer arrives, or `{ declared: n }` to send a Content-Length of
 * n and then wait for the answer without sending any of the body.
 */
function request(
  method: string,
  path: string,
  options: {
    headers?: Record<string, string>;
    body?: string | { chunked: number } | { declared: number };
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const headers: Record<string, string> = { ...options.headers };
    const body = options.body;
    if (typeof body === "object" && "declared" in body) headers["content-length"] = String(body.declared);
    if (typeof body === "string") headers["content-length"] = String(Buffer.byteLength(body));
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      answered = true;
      const writtenWhenAnswered = written;
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(parts).toString("utf8"),
          writtenWhenAnswered,
        }),
      );
      res.on("error", reject);
    });
    // The server may close the connection while the client is still sending; the answer is what counts.
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    if (typeof body === "string") req.end(body);
    else if (body && "chunked" in body) {
      const chunk = Buffer.alloc(64 * 1024, "a");
      const pump = () => {
        while (!answered && written < body.chunked) {
          written += chunk.byteLength;
          if (!req.write(chunk)) {
            req.once("drain", pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    } else if (body && "declared" in body) {
      req.flushHeaders();
    } else req.end();
  });
}

const trpcJson = (input: unknown) => JSON.stringify({ json: input });
const signUpInput = (run: string, n: number) => ({
  name: "Harden",
  email: `harden-${run}-${n}@example.com`,
  password: "harden-password-2026",
  organizationName: `Harden ${run} ${n}`,
});

describe("streamed body limits over HTTP", () => {
  it("answers a tRPC body declared larger than its limit 413 before a byte of it is sent", async () => {
    const res = await request("POST", "/api/trpc/auth.signUp", {
      headers: { "content-type": "application/json" },
      body: { declared: 10 * 1024 * 1024 },
    });
    expect(res.status).toBe(413);
    expect(res.writtenWhenAnswered).toBe(0);
    expect(JSON.parse(res.body)).toMatchObject({
      error: { json: { data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } },
    });
  });

  it("stops reading a chunked tRPC body at its limit and answers 413 while the client is still sending", async () => {
    const total = 64 * 1024 * 1024;
    const res = await request("POST", "/api/trpc/auth.signUp", {
      headers: { "content-type": "application/json" },
      body: { chunked: total },
    });
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe("close");
    expect(JSON.parse(res.body).error.json.message).toMatch(/larger than the 1024 KB limit/);
    // The answer came long before the client was done: the server stopped at the limit.
    expect(res.writtenWhenAnswered).toBeLessThan(total / 2);
  });

  it("refuses a viewer's chunked 10 MB upload before reading it, and an analyst's past the limit while streaming", async () => {
    const { org } = await newTenant(handle.db, "bodyviewer");
    const viewer = await addMember(handle.db, org.id, "viewer");
    uploader = { user: viewer.user, slug: org.slug };
    const refused = await request("POST", `/api/orgs/${org.slug}/imports`, {
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: { chunked: 10 * 1024 * 1024 },
    });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(refused.writtenWhenAnswered).toBeLessThan(10 * 1024 * 1024);

    const analyst = await addMember(handle.db, org.id, "analyst");
    uploader = { user: analyst.user, slug: org.slug };
    const total = MAX_BYTES * 4;
    const cut = await request("POST", `/api/orgs/${org.slug}/imports`, {
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: { chunked: total },
    });
    expect(cut.status).toBe(413);
    expect(JSON.parse(cut.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(cut.writtenWhenAnswered).toBeLessThan(total / 2);
    uploader = null;
  });
});

describe("tRPC batches", () => {
  it(`refuses a batch of more than ${TRPC_LIMITS.batchCalls} calls with 400, and runs one of that many`, async () => {
    const many = Array.from({ length: TRPC_LIMITS.batchCalls + 1 }, () => "auth.me");
    const input = encodeURIComponent(JSON.stringify({}));
    const refused = await request("GET", `/api/trpc/${many.join(",")}?batch=1&input=${input}`);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error.json.message).toBe(
      `A request may batch at most ${TRPC_LIMITS.batchCalls} calls; this one has ${TRPC_LIMITS.batchCalls + 1}.`,
    );
    const allowed = await request("GET", `/api/trpc/${many.slice(1).join(",")}?batch=1&input=${input}`);
    // Signed out, every auth.me is UNAUTHORIZED: the batch ran, call by call.
    expect(allowed.status).toBe(401);
    const answers = JSON.parse(allowed.body) as { error: { json: { data: { path: string } } } }[];
    expect(answers).toHaveLength(TRPC_LIMITS.batchCalls);
    expect(answers.every((a) => a.error.json.data.path === "auth.me")).toBe(true);
  });

  it("refuses one input larger than the per-call limit with 413 naming the call", async () => {
    const run = randomBytes(3).toString("hex");
    const big = { ...signUpInput(run, 1), name: "x".repeat(TRPC_LIMITS.inputBytes) };
    const res = await request("POST", "/api/trpc/auth.me,auth.signUp?batch=1", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ 0: { json: null }, 1: { json: big } }),
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.json.message).toBe(
      "The input of auth.signUp is larger than the 64 KB a call may send.",
    );
  });
});

describe("the Host header", () => {
  it("answers 400 to a Host that is not a host name, and never runs another procedure than the path names", async () => {
    for (const host of ["h/api/trpc/org.delete?", "[", "a b", "evil.example@h", "h#x"]) {
      const res = await request("POST", "/api/trpc/auth.me", {
        headers: { host, "content-type": "application/json" },
        body: "{}",
      });
      expect(res.status, host).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({
        status: 400,
        detail: "The Host header is not a valid host name.",
      });
    }
    // The positive twin: with an ordinary Host, auth.me is what tRPC looks at (a query, so not by POST).
    const ok = await request("POST", "/api/trpc/auth.me", {
      headers: { host: "salesmix.test:8080", "content-type": "application/json" },
      body: "{}",
    });
    expect(ok.status).toBe(405);
    expect(JSON.parse(ok.body).error.json.data.path).toBe("auth.me");
    const url = await request("GET", "/url?x=1", { headers: { host: "[::1]:3000" } });
    expect(JSON.parse(url.body).url).toBe("http://[::1]:3000/url?x=1");
  });

  it("answers 400 to a request target that is not a path", async () => {
    const res = await request("GET", "http://evil.example/ip");
    expect(res.status).toBe(400);
  });
});

describe("the client's address", () => {
  it("ignores X-Forwarded-For unless TRUST_PROXY names the peer: rotating it does not get past the sign-up limit", async () => {
    trust = compileTrustProxy(undefined);
    const seen = await request("GET", "/ip", { headers: { "x-forwarded-for": "203.0.113.50" } });
    expect(JSON.parse(seen.body).ip).toBe("127.0.0.1");

    const run = randomBytes(3).toString("hex");
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.signUpIp.points; i++) {
      const res = await request("POST", "/api/trpc/auth.signUp", {
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i + 1}` },
        body: trpcJson(signUpInput(run, i)),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, LIMITS.signUpIp.points).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("takes the address a trusted proxy reports: by address list and by hop count", async () => {
    trust = compileTrustProxy("loopback");
    const proxied = await request("GET", "/ip", {
      headers: { "x-forwarded-for": "192.0.2.99, 203.0.113.60" },
    });
    // The nearest untrusted hop, not the first entry the client wrote.
    expect(JSON.parse(proxied.body).ip).toBe("203.0.113.60");
    trust = compileTrustProxy("2");
    const twoHops = await request("GET", "/ip", {
      headers: { "x-forwarded-for": "192.0.2.99, 203.0.113.61, 10.0.0.7" },
    });
    expect(JSON.parse(twoHops.body).ip).toBe("203.0.113.61");
    trust = compileTrustProxy("10.0.0.0/8");
    const notTrusted = await request("GET", "/ip", { headers: { "x-forwarded-for": "203.0.113.62" } });
    expect(JSON.parse(notTrusted.body).ip).toBe("127.0.0.1");
    trust = compileTrustProxy(undefined);
  });

  it("reads TRUST_PROXY as none, a hop count or an address list, and refuses what is neither", () => {
    expect(compileTrustProxy("")("127.0.0.1", 0)).toBe(false);
    expect(compileTrustProxy("false")("127.0.0.1", 0)).toBe(false);
    expect(compileTrustProxy("1")("203.0.113.1", 0)).toBe(true);
    expect(compileTrustProxy("1")("203.0.113.1", 1)).toBe(false);
    expect(compileTrustProxy("10.0.0.0/8, 192.168.1.1")("10.1.2.3", 0)).toBe(true);
    expect(compileTrustProxy("10.0.0.0/8, 192.168.1.1")("192.168.1.2", 0)).toBe(false);
    expect(() => compileTrustProxy("not-an-address")).toThrow(/TRUST_PROXY must be/);
  });
});
