import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { createTestDatabase } from "../helpers/db";
import { newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { and, desc } from "drizzle-orm";
import { emailOutbox, users } from "@/server/db/schema";
import { requestPasswordReset } from "@/server/auth/account";
import { createSession, revokeSession } from "@/server/auth/sessions";
import { resolveAuthSecret } from "@/server/auth/secret";
import { handleLocaleChange, requestLocale, translator, userLocale } from "@/server/i18n";
import { handleTrpcRequest } from "@/server/api/http-handler";

/** A signed-out tRPC call over HTTP with these headers; its error message and field errors. */
async function trpcError(path: string, input: unknown, headers: Record<string, string>) {
  const req = new Request(`http://salesmix.test/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "salesmix.test", ...headers },
    body: JSON.stringify({ json: input }),
  });
  const res = await handleTrpcRequest(req, async (h) => ({
    db: handle.db,
    headers: h,
    ip: "198.51.100.77",
    sessionId: null,
    loadUser: async () => null,
  }));
  const body = (await res.json()) as {
    error: { json: { message: string; data: { fieldErrors?: Record<string, string[]> } } };
  };
  return { status: res.status, ...body.error.json };
}

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
      expect((await res.json()).error).toMatchObject({
        code: "INVALID_FIELD",
        message: expect.stringMatching(/en, zh-CN/),
      });
    }
    expect(await userLocale(handle.db, user.id)).toBeNull();
  });

  it("translates outside a page, in either language", async () => {
    expect((await translator("en"))("signIn.submit")).toBe("Sign in");
    expect((await translator("zh-CN"))("signIn.submit")).toBe("登录");
    expect((await translator("zh-CN"))("signIn.linkSent", { email: "a@b.co" })).toContain("a@b.co");
  });

  it("answers tRPC validation errors in the browser's language, English by default", async () => {
    const input = {
      name: "",
      email: "not-an-email",
      password: "long enough password",
      organizationName: "Acme",
    };
    const zh = await trpcError("auth.signUp", input, { "accept-language": "zh-CN,zh;q=0.9" });
    expect(zh.status).toBe(400);
    expect(zh.data.fieldErrors?.email).toEqual(["请输入有效的邮箱地址，例如 name@company.com"]);
    expect(zh.data.fieldErrors?.name).toEqual(["请输入您的姓名"]);
    const en = await trpcError("auth.signUp", input, {});
    expect(en.data.fieldErrors?.email).toEqual(["Enter a valid email address, like name@company.com"]);
    const cookie = await trpcError("auth.signUp", input, {
      "accept-language": "zh-CN",
      cookie: "salesmix_locale=en",
    });
    expect(cookie.data.fieldErrors?.name).toEqual(["Enter your name"]);
  });

  it("writes account emails and invitations in the recipient's language", async () => {
    const latest = async (to: string) => {
      const [mail] = await handle.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.to, to)))
        .orderBy(desc(emailOutbox.createdAt))
        .limit(1);
      return mail;
    };
    const zh = await newTenant(handle.db, "mail-zh");
    await handle.db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, zh.user.id));
    // The saved choice wins over the language of the request that asked for the email.
    await requestPasswordReset(
      handle.db,
      { email: zh.user.email },
      { ip: "203.0.113.9", locale: "en" },
      { appUrl: "http://x" },
    );
    const reset = await latest(zh.user.email);
    expect(reset?.subject).toBe("重置您的 SalesMix 密码");
    expect(reset?.text).toContain("设置新密码");
    expect(reset?.html).toContain('<html lang="zh-CN">');

    const en = await newTenant(handle.db, "mail-en");
    await requestPasswordReset(
      handle.db,
      { email: en.user.email },
      { ip: "203.0.113.9", locale: null },
      { appUrl: "http://x" },
    );
    expect((await latest(en.user.email))?.subject).toBe("Reset your SalesMix password");

    // An invitation to an address without an account goes out in the inviter's language.
    const invitee = `new-${Date.now().toString(36)}@example.com`;
    await zh.caller.invitations.create({ orgSlug: zh.org.slug, emails: [invitee], role: "viewer" });
    const invite = await latest(invitee);
    expect(invite?.subject).toBe(`mail-zh owner 邀请您加入 SalesMix 上的 ${zh.org.name}`);
    expect(invite?.text).toContain("以查看者身份加入");
    const invitee2 = `new2-${Date.now().toString(36)}@example.com`;
    await en.caller.invitations.create({ orgSlug: en.org.slug, emails: [invitee2], role: "viewer" });
    expect((await latest(invitee2))?.subject).toBe(`mail-en owner invited you to ${en.org.name} on SalesMix`);
  });
});
