import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { PASSWORD, signInViaApi, signUpViaApi, uniqueEmail } from "./helpers";
import { mailLink } from "./mail";

/** The owner invites from the members page; the invitation arrives over SMTP and its link is read from it. */
async function inviteThroughPage(page: Page, email: string, role: "Analyst" | "Viewer" | "Admin") {
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByText(`Invitation sent to ${email} by email.`)).toBeVisible();
  return mailLink(email, "invited you to", "/invite/");
}

/** Sign-up from a link through the API (the form itself is tested in the first test). */
async function signUpFromLinkViaApi(request: APIRequestContext, link: string, email: string, name: string) {
  const token = new URL(link).pathname.split("/")[2];
  const res = await request.post("/api/trpc/invitations.signUp", {
    data: { json: { token, name, password: PASSWORD } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  await signInViaApi(request, email);
}

async function expectNoA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the owner invites an analyst who signs up from the link and lands on the org; a viewer cannot upload", async ({
  browser,
}) => {
  // Five accounts, two invitations by email and two uploads: longer than the default on a busy machine.
  test.setTimeout(120_000);
  const owner = await browser.newContext();
  const slug = await signUpViaApi(owner.request, {
    name: "Olivia Owner",
    email: uniqueEmail("owner"),
    org: "Invite Robotics",
  });
  const page = await owner.newPage();
  await page.goto(`/o/${slug}/members`);
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();

  const analystEmail = uniqueEmail("analyst");
  const link = await inviteThroughPage(page, analystEmail, "Analyst");
  expect(link).toMatch(new RegExp(`/invite/[A-Za-z0-9_-]{43}$`));
  await expect(
    page.getByRole("region", { name: "Pending invitations" }).getByText(analystEmail),
  ).toBeVisible();

  // The colleague, in their own browser, opens the link, signs up with the email fixed, and lands on the org.
  const colleague = await browser.newContext();
  const cp = await colleague.newPage();
  await cp.goto(link);
  await expect(cp.getByRole("heading", { name: "Join Invite Robotics" })).toBeVisible();
  await expect(cp.getByText(/Olivia Owner .* invited .* as Analyst/)).toBeVisible();
  await expectNoA11yViolations(cp);
  await cp.getByRole("link", { name: "Create your account" }).click();
  await expect(cp.getByLabel("Work email")).toHaveValue(analystEmail);
  await expect(cp.getByLabel("Work email")).toHaveAttribute("readonly", "");
  await expect(cp.getByLabel("Organization name")).toHaveCount(0);
  await cp.getByLabel("Your name").fill("Ana Analyst");
  await cp.getByLabel("Password").fill(PASSWORD);
  await cp.getByRole("button", { name: "Create account and join Invite Robotics" }).click();
  await cp.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(cp.getByRole("heading", { name: "Invite Robotics", level: 1 })).toBeVisible();
  await expect(cp.getByRole("link", { name: "Upload your team" }).first()).toBeVisible();
  // And the upload itself is accepted for an analyst.
  const csv = await (await colleague.request.get("/api/template.csv")).body();
  const upload = await colleague.request.post(`/api/orgs/${slug}/imports`, {
    multipart: {
      file: { name: "team.csv", mimeType: "text/csv", buffer: csv },
      asOf: "2026-01-31",
      period: "last 30 days",
      mode: "all",
    },
  });
  expect(await upload.text()).toContain('"type":"result"');
  // The used link now says so.
  await cp.goto(link);
  await cp.waitForURL(new RegExp(`/o/${slug}$`));

  // The owner sees the analyst among the members, and no pending invitation.
  await page.reload();
  const members = page.getByTestId("member-list");
  await expect(members.getByText(analystEmail)).toBeVisible();
  await expect(page.getByLabel("Role of Ana Analyst")).toHaveValue("analyst");
  await expect(page.getByRole("region", { name: "Pending invitations" })).toHaveCount(0);

  // A viewer: no upload button, and the upload refused when asked directly.
  const viewerEmail = uniqueEmail("viewer");
  const viewerLink = await inviteThroughPage(page, viewerEmail, "Viewer");
  const viewer = await browser.newContext();
  await signUpFromLinkViaApi(viewer.request, viewerLink, viewerEmail, "Vic Viewer");
  const vp = await viewer.newPage();
  await vp.goto(`/o/${slug}`);
  await expect(vp.getByRole("heading", { name: "Invite Robotics", level: 1 })).toBeVisible();
  await expect(vp.getByRole("link", { name: "Upload your team" })).toHaveCount(0);
  await expect(vp.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const refused = await viewer.request.post(`/api/orgs/${slug}/imports`, {
    multipart: {
      file: { name: "team.csv", mimeType: "text/csv", buffer: csv },
      asOf: "2026-01-31",
      period: "last 30 days",
      mode: "all",
    },
  });
  const refusedBody = await refused.text();
  expect(refusedBody).toContain('"code":"FORBIDDEN"');
  expect(refusedBody).not.toContain('"type":"result"');
  const context = await viewer.request.get(
    `/api/trpc/imports.uploadContext?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: slug } }))}`,
  );
  expect(context.status()).toBe(403);

  await page.reload();
  await expect(page.getByTestId("member-list").getByText(viewerEmail)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/screens/members.png", fullPage: true });

  // The audit log shows the invitations, filterable by action.
  await page.goto(`/o/${slug}/audit`);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const events = page.getByTestId("audit-events");
  await expect(events.getByText(/Invitation sent/).first()).toBeVisible();
  await page.getByLabel("Action").selectOption({ label: "Invitation accepted" });
  await expect(events.locator("li")).toHaveCount(2);
  await expect(events.getByText(analystEmail).first()).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });

  await Promise.all([owner.close(), colleague.close(), viewer.close()]);
});

test("a link opened as someone else offers to switch account; a revoked link says so and who to ask", async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const slug = await signUpViaApi(owner.request, {
    name: "Rita Revoker",
    email: uniqueEmail("rita"),
    org: "Switch Co",
  });
  const page = await owner.newPage();
  await page.goto(`/o/${slug}/members`);
  const invitedEmail = uniqueEmail("invited");
  const link = await inviteThroughPage(page, invitedEmail, "Viewer");

  const other = await browser.newContext();
  const otherEmail = uniqueEmail("other");
  await signUpViaApi(other.request, { name: "Otto Other", email: otherEmail, org: "Other Co" });
  const op = await other.newPage();
  await op.goto(link);
  const wrongAccount = op.locator("main [role=alert]");
  await expect(wrongAccount).toContainText(`You are signed in as ${otherEmail}`);
  await expect(wrongAccount).toContainText(invitedEmail);
  await op.getByRole("button", { name: "Sign out and switch account" }).click();
  await expect(op.getByRole("link", { name: "Create your account" })).toBeVisible();
  expect(new URL(op.url()).pathname).toBe(new URL(link).pathname);

  // The owner revokes; the link then says it was withdrawn and by whom to ask.
  await page.getByRole("button", { name: `Revoke the invitation to ${invitedEmail}` }).click();
  await page.getByRole("button", { name: `Revoke the invitation for ${invitedEmail}` }).click();
  await expect(page.locator("main [role=status]")).toContainText("revoked");
  await op.goto(link);
  await expect(op.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
  await expect(op.getByTestId("invite-status")).toContainText("Rita Revoker");
  await Promise.all([owner.close(), other.close()]);
});

test("opening a link while signed in only shows the invitation; joining takes the Accept button", async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const slug = await signUpViaApi(owner.request, {
    name: "Gil Get",
    email: uniqueEmail("gil"),
    org: "Get Safe Co",
  });
  const page = await owner.newPage();
  await page.goto(`/o/${slug}/members`);
  // Someone who already has an account (and is signed in) is invited.
  const invited = await browser.newContext();
  const invitedEmail = uniqueEmail("existing");
  await signUpViaApi(invited.request, { name: "Ed Existing", email: invitedEmail, org: "Existing Co" });
  const link = await inviteThroughPage(page, invitedEmail, "Analyst");

  // A GET of the link, as a link planted in another page would make the browser do, changes nothing.
  const fetched = await invited.request.get(link);
  expect(fetched.status()).toBe(200);
  const ip = await invited.newPage();
  await ip.goto(link);
  await expect(ip.getByRole("heading", { name: "Join Get Safe Co" })).toBeVisible();
  await expect(ip.getByText(`You are signed in as ${invitedEmail}`)).toBeVisible();
  expect(new URL(ip.url()).pathname).toBe(new URL(link).pathname);
  const notYet = await invited.request.get(`/o/${slug}`);
  expect(notYet.status()).toBe(404);
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Pending invitations" }).getByText(invitedEmail),
  ).toBeVisible();
  await expectNoA11yViolations(ip);

  // The button is the POST that joins.
  await ip.getByRole("button", { name: "Accept and join Get Safe Co" }).click();
  await ip.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(ip.getByRole("heading", { name: "Get Safe Co", level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("member-list").getByText(invitedEmail)).toBeVisible();
  await Promise.all([owner.close(), invited.close()]);
});

test("the members page fits a 375 px phone", async ({ browser }) => {
  const owner = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const slug = await signUpViaApi(owner.request, {
    name: "Mo Mobile",
    email: uniqueEmail("mobile"),
    org: "Mobile Co",
  });
  const page = await owner.newPage();
  await page.goto(`/o/${slug}/members`);
  await inviteThroughPage(page, uniqueEmail("phone-invitee"), "Analyst");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/members-375.png", fullPage: true });
  await owner.close();
});
