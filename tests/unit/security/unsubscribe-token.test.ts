import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Unsubscribe links are signed with a key derived from AUTH_SECRET: any change to who, which organization or which
 * email is refused, and links sent before an AUTH_SECRET rotation keep working while the old value is listed in
 * AUTH_SECRET_PREVIOUS.
 */
const OLD = "old-secret-old-secret-old-secret-0001";
const NEW = "new-secret-new-secret-new-secret-0002";
const saved = {
  AUTH_SECRET: process.env.AUTH_SECRET,
  AUTH_SECRET_PREVIOUS: process.env.AUTH_SECRET_PREVIOUS,
};
const claim = {
  userId: "11111111-1111-4111-8111-111111111111",
  organizationId: "22222222-2222-4222-8222-222222222222",
  kind: "upload" as const,
};

async function withEnv(vars: { AUTH_SECRET: string; AUTH_SECRET_PREVIOUS?: string }) {
  vi.resetModules();
  process.env.AUTH_SECRET = vars.AUTH_SECRET;
  if (vars.AUTH_SECRET_PREVIOUS) process.env.AUTH_SECRET_PREVIOUS = vars.AUTH_SECRET_PREVIOUS;
  else delete process.env.AUTH_SECRET_PREVIOUS;
  return import("@/server/notify/unsubscribe-token");
}

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("unsubscribe tokens", () => {
  it("verify as signed, and any changed part is refused", async () => {
    const t = await withEnv({ AUTH_SECRET: NEW });
    const token = t.unsubscribeToken(claim);
    expect(t.verifyUnsubscribeToken(token)).toEqual({ ok: true, claim });
    const other = "33333333-3333-4333-8333-333333333333";
    for (const changed of [
      token.replace(claim.userId, other),
      token.replace(claim.organizationId, other),
      token.replace(".upload.", ".reminder."),
      token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"),
    ])
      expect(t.verifyUnsubscribeToken(changed)).toEqual({ ok: false, problem: "signature" });
    for (const malformed of ["", "u1", token.slice(0, -3), `${token}.x`, token.replace("u1.", "u2."), null])
      expect(t.verifyUnsubscribeToken(malformed)).toEqual({ ok: false, problem: "malformed" });
  });

  it("a link signed before a rotation works with the old value in AUTH_SECRET_PREVIOUS, and not without", async () => {
    const token = (await withEnv({ AUTH_SECRET: OLD })).unsubscribeToken(claim);
    const rotated = await withEnv({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: OLD });
    expect(rotated.verifyUnsubscribeToken(token)).toMatchObject({ ok: true });
    // New links are signed with the new value.
    expect(rotated.unsubscribeToken(claim)).not.toBe(token);
    const forgotten = await withEnv({ AUTH_SECRET: NEW });
    expect(forgotten.verifyUnsubscribeToken(token)).toEqual({ ok: false, problem: "signature" });
  });
});
