import { expect, test } from "@playwright/test";
import { PASSWORD, signInViaApi, signUpThroughForm, signUpViaApi, uniqueEmail } from "./helpers";
import { mailLink, waitForMail } from "./mail";

test("sign up, land on the empty org, sign out, sign in, switch organization", async ({ page }) => {
  const email = uniqueEmail("vp");
  const slug = await signUpThroughForm(page, { name: "Vera Price", email, org: "Price Robotics" });
  expect(slug).toMatch(/^price-robotics/);
  await expect(page.getByRole("heading", { name: "Price Robotics" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Upload your team" })).toHaveAttribute(
    "href",
    `/o/${slug}/imports/new`,
  );
  await page.screenshot({ path: "test-results/screens/empty-org.png", fullPage: true });

  // A second organization through the switcher.
  await page.getByTestId("org-switcher").locator("summary").click();
  await page.getByRole("link", { name: "+ Create another organization" }).click();
  await page.getByLabel("Organization name").fill("Price Europe");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(/\/o\/price-europe/);
  await expect(page.getByRole("heading", { name: "Price Europe" })).toBeVisible();

  // Sign out, then back in.
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/signin/);
  await page.goto(`/o/${slug}`);
  await page.waitForURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByRole("heading", { name: "Price Robotics" })).toBeVisible();

  // Switch back to the other organization.
  await page.getByTestId("org-switcher").locator("summary").click();
  await page
    .getByTestId("org-switcher")
    .getByRole("link", { name: /Price Europe/ })
    .click();
  await expect(page.getByRole("heading", { name: "Price Europe" })).toBeVisible();
});

test("a wrong password and an unknown email get the same message; a taken email gets the same answer as a new one", async ({
  page,
}) => {
  const email = uniqueEmail("dup");
  await signUpThroughForm(page, { name: "Dup", email, org: "Dup Co" });
  await page.context().clearCookies();

  await page.goto("/signin");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.locator("form [role=alert]");
  await expect(alert).toContainText("don't match");
  const wrongPassword = await alert.textContent();
  await page.getByLabel("Work email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(wrongPassword ?? "");

  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Someone");
  await page.getByLabel("Work email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill("Another Co");
  await page.getByRole("button", { name: "Create account and organization" }).click();
  // The page says what it says for a new address; the mailbox learns the rest.
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByTestId("check-email")).toContainText(email);
  const mail = await waitForMail(email, "You already have a SalesMix account");
  expect(mail).toContain("No new account was created");
});

test("sign-up confirms the address through the emailed link, which works once", async ({ page }) => {
  const email = uniqueEmail("verify");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Val Verify");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill("Verify Co");
  await page.getByRole("button", { name: "Create account and organization" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // Before the link, the password alone does not sign in.
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Confirm your email address first");

  const link = await mailLink(email, "Confirm your email address for SalesMix", "/verify-email/");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await page.waitForURL(/\/o\/verify-co/);
  await expect(page.getByRole("heading", { name: "Verify Co" })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("a forgotten password is reset by an emailed link; every other session ends; a common password is refused", async ({
  browser,
}) => {
  const email = uniqueEmail("forgot");
  const other = await browser.newContext();
  const slug = await signUpViaApi(other.request, { name: "Fay Forgot", email, org: "Forgot Co" });
  const otherPage = await other.newPage();
  await otherPage.goto(`/o/${slug}`);
  await expect(otherPage.getByRole("heading", { name: "Forgot Co" })).toBeVisible();

  const me = await browser.newContext();
  const page = await me.newPage();
  await page.goto("/signin");
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toHaveAttribute(
    "href",
    "/forgot-password",
  );
  await page.goto(`/forgot-password?email=${encodeURIComponent(email)}`);
  await expect(page.getByLabel("Work email")).toHaveValue(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email");
  await page.goto(await mailLink(email, "Reset your SalesMix password", "/reset-password/"));
  await page.getByLabel("New password").fill("password123");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText(/common and breached passwords/)).toBeVisible();
  await page.getByLabel("New password").fill("violet tractor under moonlight");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("status")).toContainText(
    "every device signed in to your account was signed out",
  );

  // The other browser's session ended; the new password signs in.
  await otherPage.goto(`/o/${slug}`);
  await otherPage.waitForURL(/\/signin/);
  await page.getByRole("link", { name: "Sign in with the new password" }).click();
  await page.getByLabel("Password").fill("violet tractor under moonlight");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await Promise.all([me.close(), other.close()]);
});

test("the account page lists sessions with device and IP and revokes one", async ({ browser }) => {
  const email = uniqueEmail("sessions");
  const laptop = await browser.newContext();
  const slug = await signUpViaApi(laptop.request, { name: "Sam Sessions", email, org: "Sessions Co" });
  const phone = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
  });
  await signInViaApi(phone.request, email);
  const phonePage = await phone.newPage();
  await phonePage.goto(`/o/${slug}`);
  await expect(phonePage.getByRole("heading", { name: "Sessions Co" })).toBeVisible();

  const page = await laptop.newPage();
  await page.goto(`/o/${slug}`);
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("link", { name: "Account and sessions" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const list = page.getByTestId("session-list");
  await expect(list.locator("li")).toHaveCount(2);
  await expect(list.getByText("This device")).toBeVisible();
  await expect(list.getByText("Chrome on Android")).toBeVisible();
  await expect(list.getByText(/IP (::ffff:)?127\.0\.0\.1/).first()).toBeVisible();
  await page.getByRole("button", { name: /Revoke the session on Chrome on Android/ }).click();
  await expect(page.getByRole("status").first()).toContainText("signed out");
  await expect(list.locator("li")).toHaveCount(1);

  await phonePage.goto(`/o/${slug}`);
  await phonePage.waitForURL(/\/signin/);
  await page.goto(`/o/${slug}`);
  await expect(page.getByRole("heading", { name: "Sessions Co" })).toBeVisible();
  await Promise.all([laptop.close(), phone.close()]);
});

test("wrong passwords throttle that device; a sign-in link by email still lets the owner in", async ({
  page,
}) => {
  const email = uniqueEmail("throttled");
  const slug = await signUpViaApi(page.request, { name: "Theo Throttle", email, org: "Throttle Co" });
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(email);
  const alert = page.locator("form [role=alert]");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toContainText("don't match");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  // Even the right password now waits on this device.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toContainText("Too many wrong passwords");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText(/a sign-in link is on its way/)).toBeVisible();
  await page.goto(await mailLink(email, "Your SalesMix sign-in link", "/signin/link/"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByRole("heading", { name: "Throttle Co" })).toBeVisible();
});

test("sign-up errors appear next to their fields", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account and organization" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like name@company.com")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
});

test("a second user cannot open the first user's organization", async ({ page, browser }) => {
  const slug = await signUpThroughForm(page, {
    name: "Owner",
    email: uniqueEmail("owner"),
    org: "Private Co",
  });
  const other = await browser.newContext();
  const slug2 = await signUpViaApi(other.request, {
    name: "Intruder",
    email: uniqueEmail("intruder"),
    org: "Intruder Co",
  });
  const page2 = await other.newPage();
  await page2.goto(`/o/${slug2}`);
  await expect(page2.getByRole("heading", { name: "Intruder Co" })).toBeVisible();
  const res = await page2.goto(`/o/${slug}`);
  expect(res?.status()).toBe(404);
  await expect(page2.getByText("We couldn't find that page")).toBeVisible();
  await expect(page2.getByText("Private Co")).toHaveCount(0);
  await other.close();
});

test("sign out on all devices ends every session", async ({ browser }) => {
  const email = uniqueEmail("multi");
  const a = await browser.newContext();
  const slug = await signUpViaApi(a.request, { name: "Multi", email, org: "Multi Co" });
  const b = await browser.newContext();
  await signInViaApi(b.request, email);
  const pageB = await b.newPage();
  await pageB.goto(`/o/${slug}`);
  await expect(pageB.getByRole("heading", { name: "Multi Co" })).toBeVisible();

  const pageA = await a.newPage();
  await pageA.goto(`/o/${slug}`);
  await pageA.getByTestId("user-menu").locator("summary").click();
  await pageA.getByRole("button", { name: "Sign out on all devices" }).click();
  await pageA.waitForURL(/\/signin/);

  await pageB.goto(`/o/${slug}`);
  await pageB.waitForURL(/\/signin/);
  await a.close();
  await b.close();
});
