import http from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestListener } from "@/server/serve/listener";
import { compileTrustProxy } from "@/server/serve/request-gate";

// A real HTTP server with the SalesMix server's listener: the API's paths (/api/…) go through @hono/node-server
// to a Hono app whose every request reaches the handler the test sets; the rest goes to a stand-in for Next.js.
let handler: (request: Request) => Response | Promise<Response> = () => new Response("unset");
let nextSaw: http.IncomingHttpHeaders | undefined;
let server: http.Server;
let base: string;

beforeAll(async () => {
  const api = new Hono();
  api.all("*", (c) => handler(c.req.raw));
  server = http.createServer(
    createRequestListener({
      trust: compileTrustProxy(undefined),
      mode: "production",
      api: {
        serves: (pathname) => pathname.startsWith("/api/"),
        listener: getRequestListener(api.fetch, { overrideGlobalObjects: false }),
      },
      next: async (req, res) => {
        nextSaw = { ...req.headers };
        res.setHeader("content-type", "text/html");
        res.end("<p>page</p>");
      },
    }),
  );
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

describe("the SalesMix server's dispatch", () => {
  it("gives the API the URL, method, headers, the client's address and the request id it answers with", async () => {
    let seen: Request | undefined;
    handler = (request) => {
      seen = request;
      return Response.json({ ok: true });
    };
    const res = await fetch(`${base}/api/v1/report?team=East%20Coast`, {
      headers: { "x-custom": "1", "x-request-id": "chosen-by-client", "x-forwarded-for": "203.0.113.9" },
    });
    expect(seen?.method).toBe("GET");
    expect(new URL(seen!.url).pathname).toBe("/api/v1/report");
    expect(new URL(seen!.url).searchParams.get("team")).toBe("East Coast");
    expect(seen?.headers.get("x-custom")).toBe("1");
    // No proxy is trusted: the address is the socket's, and the id is the server's own.
    expect(seen?.headers.get("x-forwarded-for")).toBe("127.0.0.1");
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.headers.get("x-request-id")).toBe(id);
  });

  it("hands every other path to Next.js with a fresh CSP nonce, and the same headers on both", async () => {
    handler = () => Response.json({ ok: true });
    const page = await fetch(`${base}/signin`);
    expect(await page.text()).toBe("<p>page</p>");
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    // Next.js reads the policy from the request to put the nonce on its scripts.
    expect(nextSaw?.["content-security-policy"]).toBe(csp);
    const again = await fetch(`${base}/signin`);
    const apiAnswer = await fetch(`${base}/api/v1/benchmarks`);
    expect(again.headers.get("content-security-policy")).not.toContain(nonce!);
    expect(apiAnswer.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    for (const res of [page, apiAnswer]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("strict-transport-security")).toContain("max-age=");
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(page.headers.get("x-request-id")).not.toBe(again.headers.get("x-request-id"));
  });

  it("serves a share link's page without the visitor's session, with no Referer and no indexing", async () => {
    const share = await fetch(`${base}/s/some-token`, { headers: { "x-salesmix-no-session": "0" } });
    expect(nextSaw?.["x-salesmix-no-session"]).toBe("1");
    expect(share.headers.get("referrer-policy")).toBe("no-referrer");
    expect(share.headers.get("x-robots-tag")).toContain("noindex");
    // Elsewhere a client cannot set it.
    await fetch(`${base}/o/acme`, { headers: { "x-salesmix-no-session": "1" } });
    expect(nextSaw?.["x-salesmix-no-session"]).toBeUndefined();
  });

  it("streams a request body to the handler intact", async () => {
    handler = async (request) => {
      const bytes = new Uint8Array(await request.arrayBuffer());
      let sum = 0;
      for (const b of bytes) sum = (sum + b) % 65_521;
      return Response.json({ length: bytes.byteLength, sum, type: request.headers.get("content-type") });
    };
    const body = new Uint8Array(3 * 1024 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) % 251;
    let sum = 0;
    for (const b of body) sum = (sum + b) % 65_521;
    const res = await fetch(`${base}/api/upload`, {
      method: "POST",
      body,
      headers: { "content-type": "text/csv" },
    });
    expect(await res.json()).toEqual({ length: body.length, sum, type: "text/csv" });
  });

  it("writes status, headers, every Set-Cookie, and the security headers under the handler's own", async () => {
    handler = () => {
      const headers = new Headers({
        "content-type": "application/problem+json",
        "cache-control": "max-age=60",
      });
      headers.append("set-cookie", "a=1; Path=/; HttpOnly");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response('{"title":"Nope"}', { status: 418, headers });
    };
    const res = await fetch(`${base}/api/x`);
    expect(res.status).toBe(418);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/"]);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("max-age=60");
    expect(res.headers.get("content-length")).toBe(String('{"title":"Nope"}'.length));
    expect(await res.json()).toEqual({ title: "Nope" });
  });

  it("streams a body of many chunks, and stops reading it when the client goes away", async () => {
    handler = () => {
      let n = 0;
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            n += 1;
            if (n > 5) controller.close();
            else controller.enqueue(new TextEncoder().encode(`part ${n}\n`));
          },
        }),
      );
    };
    const res = await fetch(`${base}/api/stream`);
    expect(res.headers.get("transfer-encoding")).toBe("chunked");
    expect(await res.text()).toBe("part 1\npart 2\npart 3\npart 4\npart 5\n");

    let cancelled!: () => void;
    const wasCancelled = new Promise<void>((resolve) => (cancelled = resolve));
    handler = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull: (controller) =>
            new Promise((r) => setTimeout(r, 5)).then(() => controller.enqueue(new Uint8Array(64 * 1024))),
          cancel: () => cancelled(),
        }),
      );
    const controller = new AbortController();
    const endless = await fetch(`${base}/api/endless`, { signal: controller.signal });
    const reader = endless.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(
      Promise.race([wasCancelled.then(() => "cancelled"), new Promise((r) => setTimeout(r, 5_000))]),
    ).resolves.toBe("cancelled");
  });
});
