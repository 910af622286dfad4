import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { mailLink } from "./mail";

export const PASSWORD = "e2e-password-2026";

export function uniqueEmail(label: string) {
  return `${label}-${randomBytes(4).toString("hex")}@example.com`;
}

export const VERIFY_SUBJECT = "Confirm your email address for SalesMix";

/**
 * Signs up through the form (the form itself is under test): "check your email", then the link of the email that
 * arrived over SMTP, whose button confirms the address and signs in; waits for the org home.
 */
export async function signUpThroughForm(page: Page, opts: { name: string; email: string; org: string }) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(opts.name);
  await page.getByLabel("Work email").fill(opts.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(opts.org);
  await page.getByRole("button", { name: "Create account and organization" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  await page.goto(await mailLink(opts.email, VERIFY_SUBJECT, "/verify-email/"));
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await page.waitForURL(/\/o\/[a-z0-9-]+$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

/**
 * Signs up through the API (not the form), for tests about what comes after: the verification email arrives over
 * SMTP and its token signs in through Auth.js's email-link provider, the POST the link page's button makes.
 * Returns the new organization's slug.
 */
export async function signUpViaApi(
  request: APIRequestContext,
  opts: { name: string; email: string; org: string },
) {
  const res = await request.post("/api/trpc/auth.signUp", {
    data: { json: { name: opts.name, email: opts.email, password: PASSWORD, organizationName: opts.org } },
  });
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  const link = await mailLink(opts.email, VERIFY_SUBJECT, "/verify-email/");
  await signInWithLinkViaApi(request, new URL(link).pathname.split("/").pop() ?? "");
  const mine = await request.get("/api/trpc/org.mine");
  const body = (await mine.json()) as { result: { data: { json: { slug: string }[] } } };
  const slug = body.result.data.json[0]?.slug;
  if (!slug) throw new Error(`no organization after sign-up: ${JSON.stringify(body)}`);
  return slug;
}

/** What the button of an emailed link's page does: Auth.js's email-link provider spends the token. */
export async function signInWithLinkViaApi(request: APIRequestContext, token: string) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/email-link", {
    form: { token, csrfToken: csrf.csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  const location = res.headers()["location"] ?? "";
  if (res.status() >= 400 || location.includes("error=")) throw new Error(`link sign-in failed: ${location}`);
}

export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken: csrf.csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  if (res.status() >= 400) throw new Error(`sign-in failed: ${res.status()}`);
}
