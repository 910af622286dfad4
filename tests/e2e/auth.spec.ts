import { expect, test } from "@playwright/test";
import { PASSWORD, signInViaApi, signUpThroughForm, signUpViaApi, uniqueEmail } from "./helpers";

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

test("a wrong password and an unknown email get the same message; a taken email points to sign-in", async ({
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
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to sign in" })).toBeVisible();
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
