import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { createTestDatabase } from "../helpers/db";
import { newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { createSession, revokeSession } from "@/server/auth/sessions";
import { resolveAuthSecret } from "@/server/auth/secret";
import { handleLocaleChange, requestLocale, translator, userLocale } from "@/server/i18n";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const COOKIE = "authjs.session-token";
async function sessionCookie(userId: string) {
  const sid = await createSession(handle.db, userId, { ip: "203.0.113.7", userAgent: "test" });
  const token = await encode({ token: { sid }, secret: resolveAuthSecret(), salt: COOKIE });
  return { sid, cookie: `${COOKIE}=${token}` };
}
const change = (body: unknown, cookie?: string) =>
  handleLocaleChange(
    new Request("http://localhost/api/locale", {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
    async () => handle.db,
  );

describe("the interface language", () => {
  it("follows Accept-Language, then the cookie, then the account's saved choice", async () => {
    const { user } = await newTenant(handle.db, "lang");
    const { cookie } = await sessionCookie(user.id);
    const db = async () => handle.db;
    expect(await requestLocale(new Headers(), db)).toBe("en");
    expect(await requestLocale(new Headers({ "accept-language": "zh-CN,zh;q=0.9" }), db)).toBe("zh-CN");
    expect(
      await requestLocale(new Headers({ "accept-language": "zh-CN", cookie: "salesmix_locale=en" }), db),
    ).toBe("en");

    const res = await change({ locale: "zh-CN" }, cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ locale: "zh-CN", saved: true });
    expect(res.headers.get("set-cookie")).toMatch(
      /^salesmix_locale=zh-CN; Path=\/; Max-Age=31536000; SameSite=Lax/,
    );
    expect(await userLocale(handle.db, user.id)).toBe("zh-CN");
    // The saved choice wins over this browser's cookie and header, as on another device.
    expect(
      await requestLocale(
        new Headers({ "accept-language": "en-US", cookie: `salesmix_locale=en; ${cookie}` }),
        db,
      ),
    ).toBe("zh-CN");
  });

  it("changes only the account of the session, and only the cookie when signed out", async () => {
    const a = await newTenant(handle.db, "lang-a");
    const b = await newTenant(handle.db, "lang-b");
    const { cookie } = await sessionCookie(a.user.id);
    await change({ locale: "zh-CN" }, cookie);
    expect(await userLocale(handle.db, a.user.id)).toBe("zh-CN");
    expect(await userLocale(handle.db, b.user.id)).toBeNull();

    const signedOut = await change({ locale: "zh-CN" });
    expect(await signedOut.json()).toEqual({ locale: "zh-CN", saved: false });
    expect(await userLocale(handle.db, b.user.id)).toBeNull();
  });

  it("a revoked session saves nothing and its account's choice no longer applies", async () => {
    const { user } = await newTenant(handle.db, "lang-revoked");
    const { sid, cookie } = await sessionCookie(user.id);
    await handle.db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, user.id));
    await revokeSession(handle.db, sid);
    expect(await requestLocale(new Headers({ cookie }), async () => handle.db)).toBe("en");
    expect(await (await change({ locale: "en" }, cookie)).json()).toEqual({ locale: "en", saved: false });
    expect(await userLocale(handle.db, user.id)).toBe("zh-CN");
  });

  it("refuses a locale it does not have, changing nothing", async () => {
    const { user } = await newTenant(handle.db, "lang-bad");
    const { cookie } = await sessionCookie(user.id);
    for (const body of [{ locale: "fr" }, { locale: 1 }, {}, null]) {
      const res = await change(body, cookie);
      expect(res.status).toBe(400);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect((await res.json()).error).toMatch(/en, zh-CN/);
    }
    expect(await userLocale(handle.db, user.id)).toBeNull();
  });

  it("translates outside a page, in either language", async () => {
    expect((await translator("en"))("signIn.submit")).toBe("Sign in");
    expect((await translator("zh-CN"))("signIn.submit")).toBe("登录");
    expect((await translator("zh-CN"))("signIn.linkSent", { email: "a@b.co" })).toContain("a@b.co");
  });
});
