import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWebResponse, toWebRequest } from "@/server/serve/node-adapter";
import { loadConfiguredHeaders } from "@/server/serve/configured-headers";

// A real HTTP server whose every request goes through the adapter to the handler the test sets.
let handler: (request: Request) => Response | Promise<Response> = () => new Response("unset");
let server: http.Server;
let base: string;
const EXTRA: [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Cache-Control", "no-store"],
];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void Promise.resolve(handler(toWebRequest(req))).then((response) =>
      sendWebResponse(res, response, EXTRA),
    );
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

describe("the Node.js adapter of the SalesMix server", () => {
  it("gives the handler the URL, method, headers and the client's address as Next.js does", async () => {
    let seen: Request | undefined;
    handler = (request) => {
      seen = request;
      return Response.json({ ok: true });
    };
    await fetch(`${base}/api/v1/report?team=East%20Coast`, { headers: { "x-custom": "1" } });
    expect(seen?.method).toBe("GET");
    expect(new URL(seen!.url).pathname).toBe("/api/v1/report");
    expect(new URL(seen!.url).searchParams.get("team")).toBe("East Coast");
    expect(seen?.headers.get("x-custom")).toBe("1");
    expect(seen?.headers.get("x-forwarded-for")).toBe("127.0.0.1");
    expect(seen?.headers.get("x-forwarded-proto")).toBe("http");
    expect(seen?.headers.get("x-forwarded-host")).toBe(new URL(base).host);

    // A proxy's own forwarding headers are kept, not replaced.
    await fetch(`${base}/x`, {
      headers: { "x-forwarded-for": "203.0.113.9, 10.0.0.1", "x-forwarded-proto": "https" },
    });
    expect(seen?.headers.get("x-forwarded-for")).toBe("203.0.113.9, 10.0.0.1");
    expect(seen?.headers.get("x-forwarded-proto")).toBe("https");
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
    const res = await fetch(`${base}/upload`, {
      method: "POST",
      body,
      headers: { "content-type": "text/csv" },
    });
    expect(await res.json()).toEqual({ length: body.length, sum, type: "text/csv" });
  });

  it("writes status, headers, every Set-Cookie, and the extra headers under the handler's own", async () => {
    handler = () => {
      const headers = new Headers({
        "content-type": "application/problem+json",
        "cache-control": "max-age=60",
      });
      headers.append("set-cookie", "a=1; Path=/; HttpOnly");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response('{"title":"Nope"}', { status: 418, headers });
    };
    const res = await fetch(`${base}/x`);
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
    const res = await fetch(`${base}/stream`);
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
    const endless = await fetch(`${base}/endless`, { signal: controller.signal });
    const reader = endless.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(
      Promise.race([wasCancelled.then(() => "cancelled"), new Promise((r) => setTimeout(r, 5_000))]),
    ).resolves.toBe("cancelled");
  });
});

describe("loadConfiguredHeaders", () => {
  function manifest(headers: unknown) {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "salesmix-manifest-")),
      "routes-manifest.json",
    );
    fs.writeFileSync(file, JSON.stringify({ headers }));
    return file;
  }

  it("applies next.config.js's header rules that match the path, later rules overriding earlier ones", () => {
    const headersFor = loadConfiguredHeaders(
      manifest([
        {
          source: "/:path*",
          regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
          headers: [
            { key: "X-Frame-Options", value: "DENY" },
            { key: "Referrer-Policy", value: "no-referrer" },
          ],
        },
        {
          source: "/api/:path*",
          regex: "^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
          headers: [{ key: "Referrer-Policy", value: "strict-origin" }],
        },
      ]),
    );
    expect(headersFor("/api/v1/report")).toEqual([
      ["X-Frame-Options", "DENY"],
      ["Referrer-Policy", "strict-origin"],
    ]);
    expect(headersFor("/signin")).toEqual([
      ["X-Frame-Options", "DENY"],
      ["Referrer-Policy", "no-referrer"],
    ]);
  });

  it("refuses to start on a rule with a has/missing condition it would not apply", () => {
    const file = manifest([
      {
        source: "/:path*",
        regex: "^/.*$",
        has: [{ type: "host", value: "x" }],
        headers: [{ key: "A", value: "1" }],
      },
    ]);
    expect(() => loadConfiguredHeaders(file)).toThrow(/has\/missing condition/);
  });
});
