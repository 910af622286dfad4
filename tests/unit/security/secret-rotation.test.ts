import { afterEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";

/**
 * Rotating AUTH_SECRET: with the old value in AUTH_SECRET_PREVIOUS, what was sealed before the rotation (session
 * cookies, webhook signing secrets) still opens; without it, it does not. The env is read once per module graph,
 * so each case loads the modules afresh with its own environment.
 */
const OLD = "old-secret-old-secret-old-secret-0001";
const NEW = "new-secret-new-secret-new-secret-0002";
const saved = {
  AUTH_SECRET: process.env.AUTH_SECRET,
  AUTH_SECRET_PREVIOUS: process.env.AUTH_SECRET_PREVIOUS,
};

async function withEnv(vars: { AUTH_SECRET: string; AUTH_SECRET_PREVIOUS?: string }) {
  vi.resetModules();
  process.env.AUTH_SECRET = vars.AUTH_SECRET;
  if (vars.AUTH_SECRET_PREVIOUS) process.env.AUTH_SECRET_PREVIOUS = vars.AUTH_SECRET_PREVIOUS;
  else delete process.env.AUTH_SECRET_PREVIOUS;
  const { processState } = await import("@/server/state");
  // The process state lives on globalThis and outlives the module graph: start each case without keys.
  const state = processState();
  delete state.authSecret;
  delete state.authSecrets;
  state.decodedSessionTokens.clear();
  return {
    webhooks: await import("@/server/webhooks/secret"),
    cookie: await import("@/server/auth/session-cookie"),
  };
}

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const NAME = "authjs.session-token";
const cookieHeaders = (token: string) => new Headers({ cookie: `${NAME}=${token}` });

describe("AUTH_SECRET rotation", () => {
  it("opens webhook secrets and session cookies sealed under the previous secret, and only with it listed", async () => {
    const before = await withEnv({ AUTH_SECRET: OLD });
    const sealed = before.webhooks.encryptSecret("whsec_example");
    const token = await encode({
      token: { sid: "session-1" },
      secret: OLD,
      salt: NAME,
      maxAge: 3600,
    });
    expect(await before.cookie.sessionIdFromCookie(cookieHeaders(token))).toBe("session-1");

    const rotating = await withEnv({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: OLD });
    expect(rotating.webhooks.decryptSecret(sealed)).toBe("whsec_example");
    expect(await rotating.cookie.sessionIdFromCookie(cookieHeaders(token))).toBe("session-1");
    // New secrets are sealed under the new value: they open once the old one is dropped.
    const resealed = rotating.webhooks.encryptSecret("whsec_new");

    const after = await withEnv({ AUTH_SECRET: NEW });
    expect(after.webhooks.decryptSecret(resealed)).toBe("whsec_new");
    expect(() => after.webhooks.decryptSecret(sealed)).toThrow();
    expect(await after.cookie.sessionIdFromCookie(cookieHeaders(token))).toBeNull();
  });

  it("refuses a malformed AUTH_SECRET_PREVIOUS at start, with a message that names it", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(withEnv({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: "short" })).rejects.toThrow(
        "Invalid environment variables",
      );
      expect(JSON.stringify(printed.mock.calls)).toContain(
        "AUTH_SECRET_PREVIOUS must be earlier AUTH_SECRET values (each at least 32 characters), comma-separated",
      );
    } finally {
      printed.mockRestore();
    }
  });
});
