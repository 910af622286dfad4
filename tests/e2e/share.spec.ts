import { expect, test, type Page } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./helpers";

const HEADER =
  "Full Name,Work Email,Sales Role,Job Title,Segment,Base Pay,OTE,Annual Quota,% to Quota,Dials,VMs,Emails Sent,LinkedIn Touches,Meetings,Closed Won,Avg Deal Size,Sales Cycle,Decision Makers,% Remote";
const REPS = [
  ["Zelda Quartermain", "Inside Sales", 104250],
  ["Yusuf Oyelaran", "Inside Sales", 98350],
  ["Xenia Brightwater", "Inside Sales", 101150],
  ["Wendell Farraday", "Field", 131450],
  ["Vivienne Okonkwo", "Field", 127650],
  ["Ulrich Semenov", "Field", 129950],
] as const;
const team = () =>
  [
    HEADER,
    ...REPS.map(
      ([name, role, ote]) =>
        `${name},${name.toLowerCase().replace(/ /g, ".")}@share.test,${role},AE,SMB,52000,${ote},600000,97%,300,60,800,40,30,8,15000,45,2,70%`,
    ),
  ].join("\n");

/** Creates a link through the settings page as the admin; the page shows it once. */
async function createLinkInSettings(page: Page, slug: string, opts: { password?: string } = {}) {
  await page.goto(`/o/${slug}/settings/shares`);
  await expect(page.getByRole("heading", { name: "Share links", level: 1 })).toBeVisible();
  await page.getByLabel("Expires after (days)").fill("7");
  if (opts.password) await page.getByLabel("Password (optional)").fill(opts.password);
  await page.getByRole("button", { name: "Create link" }).click();
  const field = page.getByTestId("new-share-link");
  await expect(field).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  const link = await field.inputValue();
  await page.getByRole("button", { name: "I have copied the link" }).click();
  return link;
}

test("a share link: created by an admin, opened with no account (redacted, noindex, no referrer, no session), refused after revocation; a password link counts down wrong attempts", async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(120_000);
  const slug = await signUpViaApi(page.request, {
    name: "Admin",
    email: uniqueEmail("share"),
    org: "Share Co",
  });
  const created = await page.request.post("/api/trpc/apiKeys.create", {
    data: { json: { orgSlug: slug, name: "Share e2e", scope: "read_write" } },
  });
  const { key } = ((await created.json()) as { result: { data: { json: { key: string } } } }).result.data
    .json;
  const api = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  const imported = await api.post("/api/v1/imports?as_of=2026-11-30&period=Q4", {
    headers: { "content-type": "text/csv" },
    data: team(),
  });
  expect(imported.status(), await imported.text()).toBe(201);

  const link = await createLinkInSettings(page, slug);
  const token = link.split("/").pop()!;

  // A fresh browser context: no cookies, no account.
  const visitor = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const anon = await visitor.newPage();
  const res = await anon.goto(link);
  expect(res?.status()).toBe(200);
  const headers = res!.headers();
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["set-cookie"] ?? "").not.toContain("authjs");
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(anon.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await expect(anon.getByTestId("share-banner")).toContainText("aggregates only");
  // An aggregate of the upload is there: its six reps, and the composition of 3 inside / 3 outside.
  await expect(anon.getByTestId("report-scope")).toHaveText("All 6 reps");
  await expect(anon.getByTestId("report-header")).toContainText("6 reps uploaded");
  // No rep name, email or individual pay anywhere in the HTML, the RSC payload included.
  const html = await res!.text();
  for (const [name, , ote] of REPS) {
    expect(html).not.toContain(name);
    expect(html).not.toContain(String(ote));
  }
  expect(html).not.toContain("@share.test");
  // No link into the app (the methodology is public and explains the figures).
  const hrefs = await anon
    .locator("a[href]")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.filter((h) => !h.startsWith("#") && !h.startsWith("/methodology"))).toEqual([]);
  expect(await visitor.cookies()).toEqual([]);
  // The token opens nothing else: not the API, not tRPC.
  const viaApi = await visitor.request.get("/api/v1/report", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(viaApi.status()).toBe(401);
  const viaTrpc = await visitor.request.get(
    `/api/trpc/report.overview?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: slug } }))}`,
  );
  expect(viaTrpc.status()).toBe(401);

  // The admin sees the view counted, then revokes the link.
  await page.goto(`/o/${slug}/settings/shares`);
  const row = page.getByTestId("share-links").locator("tbody tr").first();
  await expect(row.getByTestId("share-views")).toHaveText("1");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByTestId("share-state")).toHaveText("Revoked");

  // Refused at once, with a page that says why and no data.
  const after = await anon.goto(link);
  expect(after?.status()).toBe(404);
  await expect(anon.getByTestId("share-refused")).toHaveAttribute("data-refusal", "revoked");
  await expect(anon.getByRole("heading", { name: "This share link was revoked" })).toBeVisible();
  expect(await after!.text()).not.toContain("All 6 reps");
  await expect(anon.getByTestId("report")).toHaveCount(0);

  // A tampered token says so.
  const tampered = await anon.goto(link.slice(0, -2) + (link.endsWith("AA") ? "BB" : "AA"));
  expect(tampered?.status()).toBe(404);
  await expect(anon.getByRole("heading", { name: "This share link is not valid" })).toBeVisible();

  // A link with a password: refused with the attempts left, then opened with the right one.
  const locked = await createLinkInSettings(page, slug, { password: "board-pack-2026" });
  await anon.goto(locked);
  await expect(anon.getByTestId("share-password")).toBeVisible();
  await expect(anon.getByTestId("report")).toHaveCount(0);
  await anon.getByLabel("Password").fill("wrong-guess-1");
  await anon.getByRole("button", { name: "Open the report" }).click();
  await expect(anon.getByTestId("share-password-error")).toHaveText("Wrong password. 4 attempts left.");
  await anon.getByLabel("Password").fill("wrong-guess-2");
  await anon.getByRole("button", { name: "Open the report" }).click();
  await expect(anon.getByTestId("share-password-error")).toHaveText("Wrong password. 3 attempts left.");
  await anon.getByLabel("Password").fill("board-pack-2026");
  await anon.getByRole("button", { name: "Open the report" }).click();
  await expect(anon.getByTestId("report-scope")).toHaveText("All 6 reps");
  await visitor.close();
  await api.dispose();
});
