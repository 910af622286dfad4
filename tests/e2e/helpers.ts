import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";

export const PASSWORD = "e2e-password-2026";

export function uniqueEmail(label: string) {
  return `${label}-${randomBytes(4).toString("hex")}@example.com`;
}

/** Signs up through the form (the form itself is under test) and waits for the org home. */
export async function signUpThroughForm(page: Page, opts: { name: string; email: string; org: string }) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(opts.name);
  await page.getByLabel("Work email").fill(opts.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(opts.org);
  await page.getByRole("button", { name: "Create account and organization" }).click();
  await page.waitForURL(/\/o\/[a-z0-9-]+$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

/** Signs up and in through the API (not the form), for tests about what comes after. */
export async function signUpViaApi(
  request: APIRequestContext,
  opts: { name: string; email: string; org: string },
) {
  const res = await request.post("/api/trpc/auth.signUp", {
    data: { json: { name: opts.name, email: opts.email, password: PASSWORD, organizationName: opts.org } },
  });
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { result: { data: { json: { organizationSlug: string } } } };
  await signInViaApi(request, opts.email);
  return body.result.data.json.organizationSlug;
}

export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken: csrf.csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  if (res.status() >= 400) throw new Error(`sign-in failed: ${res.status()}`);
}
