import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../helpers/db";
import { newTenant } from "../helpers/callers";
import type { Database, DatabaseHandle } from "@/server/db/client";
import type { SessionUser } from "@/server/auth/sessions";
import { generateApiKey } from "@/server/apikeys/keys";
import { ServiceError } from "@/server/errors";
import { createHttpApp } from "@/server/http/app";
import { routeError } from "@/server/http-errors";
import { handleTrpcRequest } from "@/server/api/http-handler";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

interface TrpcErrorBody {
  error: {
    json: {
      message: string;
      data: {
        code: string;
        httpStatus: number;
        path?: string;
        requestId?: string;
        fieldErrors?: Record<string, string[]>;
        stack?: string;
      };
    };
  };
}

/** One tRPC call over the HTTP handler, as `user` (or signed out), on `db`. */
async function call(
  path: string,
  input: unknown,
  options: { user?: SessionUser | null; db?: Database; method?: "GET" | "POST" } = {},
) {
  const method = options.method ?? "POST";
  const base = `http://salesmix.test/api/trpc/${path}`;
  const req =
    method === "GET"
      ? new Request(`${base}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
          headers: { host: "salesmix.test" },
        })
      : new Request(base, {
          method,
          headers: { "content-type": "application/json", host: "salesmix.test" },
          body: JSON.stringify({ json: input }),
        });
  const res = await handleTrpcRequest(req, async (headers) => ({
    db: options.db ?? handle.db,
    headers,
    ip: `192.0.2.${randomBytes(1)[0]}`,
    sessionId: null,
    loadUser: async () => options.user ?? null,
  }));
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as TrpcErrorBody };
}

/** Nothing of the database, the code or the input may be in an error body. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(
    /insert into|select |update |delete from|Failed query|params|\$argon2|at \w+ \(|\.ts:\d+/i,
  );
}

const signUp = (name: string) => ({
  name,
  email: `nul-${randomBytes(4).toString("hex")}@example.com`,
  password: "nul-password-2026",
  organizationName: `Nul ${randomBytes(3).toString("hex")}`,
});

describe("control characters in text inputs", () => {
  it("refuses a NUL in the sign-up name with 400 naming the field, and no SQL, parameter or hash in the body", async () => {
    const res = await call("auth.signUp", signUp("Ann\u0000Lee"));
    expect(res.status).toBe(400);
    expect(res.body.error.json.data.code).toBe("BAD_REQUEST");
    expect(res.body.error.json.message).toBe(
      "Your name cannot contain control characters (such as NUL, tabs or line breaks).",
    );
    expect(res.body.error.json.data.fieldErrors?.name?.[0]).toMatch(/^Your name cannot contain/);
    expectNoInternals(res.text);
    // The twin: the same sign-up without the NUL goes through.
    expect((await call("auth.signUp", signUp("Ann Lee"))).status).toBe(200);
  });

  it("refuses control characters in every kind of text input, each message naming its field", async () => {
    const t = await newTenant(handle.db, "controls");
    const cases: [string, unknown, RegExp, "GET" | "POST"][] = [
      ["org.create", { name: "Acme\u0007" }, /^The organization's name cannot contain/, "POST"],
      ["org.updateProfile", { orgSlug: t.org.slug, industry: "SaaS\u001b[31m" }, /^The industry/, "POST"],
      [
        "apiKeys.create",
        { orgSlug: t.org.slug, name: "sync\r\nx", scope: "read" },
        /^The key's name/,
        "POST",
      ],
      ["report.trend", { orgSlug: t.org.slug, team: "East\u0000" }, /^The team filter/, "GET"],
      ["org.delete", { orgSlug: t.org.slug, confirmation: "x\u0000" }, /^The confirmation/, "POST"],
      ["auth.signUp", { ...signUp("Bo"), password: "pass\u0000word-2026" }, /^The password/, "POST"],
      ["scenarios.create", { orgSlug: t.org.slug, name: "Plan\u0000B" }, /^A scenario name cannot/, "POST"],
      [
        "webhooks.create",
        { orgSlug: t.org.slug, url: "https://hooks.example\u0000/x", events: ["import.completed"] },
        /^The webhook URL cannot/,
        "POST",
      ],
      [
        "imports.saveMapping",
        { orgSlug: t.org.slug, mapping: { "Full\u0000Name": "name" } },
        /^A column name cannot/,
        "POST",
      ],
    ];
    for (const [path, input, message, method] of cases) {
      const res = await call(path, input, { user: t.user, method });
      expect(res.status, path).toBe(400);
      expect(res.body.error.json.message, path).toMatch(message);
      expectNoInternals(res.text);
    }
  });
});

describe("cursors", () => {
  it("answers a cursor of the right shape but an impossible time with 400, not a database error", async () => {
    const t = await newTenant(handle.db, "badcursor");
    const forged = Buffer.from(
      JSON.stringify({ t: "2026-13-45T99:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000" }),
    ).toString("base64url");
    const res = await call(
      "audit.list",
      { orgSlug: t.org.slug, cursor: forged },
      { user: t.user, method: "GET" },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.json.message).toBe(
      "That page of the audit log is not valid. Start from the first page.",
    );
    expectNoInternals(res.text);
    const garbage = await call(
      "audit.list",
      { orgSlug: t.org.slug, cursor: Buffer.from('{"t":"x\'; drop","id":1}').toString("base64url") },
      { user: t.user, method: "GET" },
    );
    expect(garbage.status).toBe(400);
    // The twin: the first page reads.
    expect((await call("audit.list", { orgSlug: t.org.slug }, { user: t.user, method: "GET" })).status).toBe(
      200,
    );
  });
});

describe("unexpected failures", () => {
  it("answer 500 with a generic message and a request id that the log names with the detail", async () => {
    const broken = await createTestDatabase();
    await broken.close();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await call("auth.signUp", signUp("Cy"), { db: broken.db });
      expect(res.status).toBe(500);
      const { message, data } = res.body.error.json;
      expect(data.code).toBe("INTERNAL_SERVER_ERROR");
      expect(data.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(message).toBe(
        `Something went wrong on our side and the request did not complete. If it keeps happening, quote reference ${data.requestId}.`,
      );
      expect(data.stack).toBeFalsy();
      expectNoInternals(res.text);
      expect(logged.mock.calls.some((args) => String(args[0]).includes(data.requestId!))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });

  it("answer the REST API's 500 as a problem naming the request id of its X-Request-Id, which the log names too", async () => {
    const broken = await createTestDatabase();
    await broken.close();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const request = new Request("http://salesmix.test/api/v1/report", {
        headers: { authorization: `Bearer ${generateApiKey().key}` },
      });
      const res = await createHttpApp().fetch(request, { database: broken.db });
      expect(res.status).toBe(500);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const text = await res.text();
      const problem = JSON.parse(text) as { type: string; detail: string; requestId?: string };
      expect(problem.type).toBe("https://salesmix.app/problems/internal");
      expect(problem.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get("x-request-id")).toBe(problem.requestId);
      expect(problem.detail).toContain(problem.requestId);
      expectNoInternals(text);
      expect(logged.mock.calls.some((args) => String(args[0]).includes(problem.requestId!))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });

  it("answer a cookie route's 500 with the app's JSON error body naming the request id", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const headers = new Headers({ "x-request-id": "5f0c9a4e-8d5b-4c1e-9a57-3c2d1b0a9f8e" });
      const { status, body } = routeError(new Error('relation "secret_table" does not exist'), headers);
      expect(status).toBe(500);
      expect(body.error).toEqual({
        code: "INTERNAL_SERVER_ERROR",
        message: expect.stringContaining("5f0c9a4e-8d5b-4c1e-9a57-3c2d1b0a9f8e"),
        requestId: "5f0c9a4e-8d5b-4c1e-9a57-3c2d1b0a9f8e",
      });
      expect(JSON.stringify(body)).not.toContain("secret_table");
      expect(logged.mock.calls.some((args) => String(args[0]).includes(body.error.requestId!))).toBe(true);
      expect(routeError(new ServiceError("NOT_FOUND", "Organization not found."), headers)).toEqual({
        status: 404,
        body: { error: { code: "NOT_FOUND", message: "Organization not found." } },
      });
    } finally {
      logged.mockRestore();
    }
  });
});
