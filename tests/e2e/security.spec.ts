import { expect, test } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./helpers";

test("pages carry a nonce-based CSP that forbids framing, and the other security headers", async ({
  request,
}) => {
  const first = await request.get("/signin");
  const second = await request.get("/signin");
  const csp = first.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  // Next.js put that nonce on its scripts.
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  for (const res of [first, await request.get("/api/v1/benchmarks")]) {
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    // The browser tests run the production build.
    expect(h["strict-transport-security"]).toContain("max-age=");
  }
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await signUpViaApi(page.request, { name: "Cookie", email: uniqueEmail("cookie"), org: "Cookie Co" });
  const session = (await page.context().cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(session).toBeTruthy();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("a state-changing tRPC call from another origin is refused", async ({ request }) => {
  const slug = await signUpViaApi(request, {
    name: "Origin",
    email: uniqueEmail("origin"),
    org: "Origin Co",
  });
  const forged = await request.post("/api/trpc/org.updateProfile", {
    headers: { origin: "https://evil.example" },
    data: { json: { orgSlug: slug, annualRevenue: 1 } },
  });
  expect(forged.status()).toBe(403);
  const same = await request.post("/api/trpc/org.updateProfile", {
    data: { json: { orgSlug: slug, annualRevenue: 20_000_000 } },
  });
  expect(same.status()).toBe(200);
});

test("a tampered session cookie is no session, and a signed-out cookie stays dead", async ({
  playwright,
}) => {
  const email = uniqueEmail("replay");
  const owner = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signUpViaApi(owner, { name: "Replay", email, org: "Replay Co" });
  const cookie = (await owner.storageState()).cookies.find((c) => c.name.includes("authjs.session-token"));
  expect(cookie).toBeTruthy();
  // A context without cookies of its own, so each call carries exactly the cookie given.
  const probe = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const me = (value: string) =>
    probe.get("/api/trpc/auth.me", { headers: { cookie: `${cookie!.name}=${value}` } });

  const ok = await me(cookie!.value);
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain(email);

  const middle = Math.floor(cookie!.value.length / 2);
  const flipped = cookie!.value[middle] === "A" ? "B" : "A";
  const tampered = cookie!.value.slice(0, middle) + flipped + cookie!.value.slice(middle + 1);
  expect((await me(tampered)).status()).toBe(401);

  // Signing out revokes the session; the same cookie sent again (a copy kept by an attacker) opens nothing.
  const signOut = await owner.post("/api/trpc/auth.signOutEverywhere", { data: { json: {} } });
  expect(signOut.status()).toBe(200);
  expect((await me(cookie!.value)).status()).toBe(401);
  await owner.dispose();
  await probe.dispose();
});
