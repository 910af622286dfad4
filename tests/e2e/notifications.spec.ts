import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./helpers";
import { waitForMail } from "./mail";

const fixture = path.join(__dirname, "../fixtures/e2e/clean-team.csv");

test("turn on the upload email, upload, receive it over SMTP, and unsubscribe with its link", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("digest");
  const slug = await signUpViaApi(page.request, { name: "Dana Digest", email, org: "Digest Readers Co" });

  await page.goto(`/o/${slug}`);
  await page
    .getByRole("navigation", { name: "Organization" })
    .getByRole("link", { name: "Notifications" })
    .click();
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const uploadBox = page.getByLabel("Email me when a new team upload lands");
  await expect(uploadBox).not.toBeChecked();
  // A reminder outside 7–365 days is refused with the range, and nothing is saved.
  await page.getByLabel("Remind me when the last upload gets old").check();
  await page.getByLabel("Days without a new upload").fill("3");
  await page.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.getByText("Enter a whole number of days from 7 to 365.")).toBeVisible();
  await page.getByLabel("Remind me when the last upload gets old").uncheck();
  await uploadBox.check();
  await page.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("Email me when a new team upload lands")).toBeChecked();
  await expect(page.getByLabel("Remind me when the last upload gets old")).not.toBeChecked();

  await page.goto(`/o/${slug}/imports/new`);
  await page.setInputFiles("input[type=file]", fixture);
  await page.getByRole("button", { name: "Import 5 reps" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}$`));

  const mail = await waitForMail(email, "New team upload in Digest Readers Co");
  expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  expect(mail).toContain("5 reps as of");
  expect(mail).toContain("This is the first upload");
  expect(mail).not.toContain("Ana Ruiz");
  const link = /https?:\/\/[^\s"<>]+\/api\/unsubscribe\?token=[A-Za-z0-9._-]+/.exec(mail)?.[0];
  expect(link).toBeTruthy();
  const unsubscribeUrl = new URL(link!);
  // Without APP_URL the job (outside any request) builds links on localhost:3000: open it on this server.
  const opened = `${baseURL}${unsubscribeUrl.pathname}${unsubscribeUrl.search}`;

  // A fresh browser with no session, as from a mail client.
  const stranger = await browser.newContext();
  const mailClient = await stranger.newPage();
  // A tampered link: refused, nothing changed.
  const tampered = opened.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
  const refused = await mailClient.goto(tampered);
  expect(refused?.status()).toBe(400);
  await expect(mailClient.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(mailClient.getByText("nothing was changed")).toBeVisible();

  await mailClient.goto(opened);
  await expect(mailClient.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(
    mailClient.getByText("Stop the email when a new team upload lands from Digest Readers Co?"),
  ).toBeVisible();
  await mailClient.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(mailClient.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await expect(
    mailClient.getByText("You will no longer receive the email when a new team upload lands"),
  ).toBeVisible();
  await stranger.close();

  // The member's own page shows it off.
  await page.goto(`/o/${slug}/notifications`);
  await expect(page.getByLabel("Email me when a new team upload lands")).not.toBeChecked();
});
