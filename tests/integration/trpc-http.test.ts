import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/db";
import type { DatabaseHandle } from "@/server/db/client";
import { handleTrpcRequest } from "@/server/api/http-handler";
import { LIMITS } from "@/server/ratelimit";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

/** tRPC over HTTP as the route /api/trpc/[trpc] serves it, signed out, from `ip`. */
function call(path: string, input: unknown, ip: string, headers: Record<string, string> = {}) {
  const req = new Request(`http://salesmix.test/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "salesmix.test", ...headers },
    body: JSON.stringify({ json: input }),
  });
  return handleTrpcRequest(req, async (h) => ({
    db: handle.db,
    headers: h,
    ip,
    sessionId: null,
    loadUser: async () => null,
  }));
}

const signUpInput = (n: number, run: string) => ({
  name: "Lim",
  email: `lim-${run}-${n}@example.com`,
  password: "lim-password-2026",
  organizationName: `Lim ${run} ${n}`,
});

describe("tRPC over HTTP", () => {
  it("answers a rate-limited call 429 with Retry-After, the wait its message and data give; another address is not limited", async () => {
    const run = randomBytes(3).toString("hex");
    const ip = `198.51.100.${randomBytes(1)[0]}`;
    for (let i = 0; i < LIMITS.signUpIp.points; i++) {
      expect((await call("auth.signUp", signUpInput(i, run), ip)).status).toBe(200);
    }
    const refused = await call("auth.signUp", signUpInput(99, run), ip);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60 * 60);
    const body = (await refused.json()) as {
      error: { json: { message: string; data: { code: string; retryAfterSeconds: number } } };
    };
    expect(body.error.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: wait });
    expect(body.error.json.message).toMatch(
      /Too many sign-ups from your network\. Try again in \d+ minutes?\./,
    );

    const elsewhere = await call("auth.signUp", signUpInput(100, run), `203.0.113.${randomBytes(1)[0]}`);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get("retry-after")).toBeNull();
  });

  it("refuses a state-changing call from another origin before running it", async () => {
    const run = randomBytes(3).toString("hex");
    const res = await call("auth.signUp", signUpInput(1, run), "192.0.2.1", {
      origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
    const same = await call("auth.signUp", signUpInput(1, run), "192.0.2.1", {
      origin: "http://salesmix.test",
    });
    expect(same.status).toBe(200);
  });
});
