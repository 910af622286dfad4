import { expect, test } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./helpers";

const HEADER =
  "Full Name,Work Email,Sales Role,Job Title,Segment,Base Pay,OTE,Annual Quota,% to Quota,Dials,VMs,Emails Sent,LinkedIn Touches,Meetings,Closed Won,Avg Deal Size,Sales Cycle,Decision Makers,% Remote";
/** Two inside reps; eight field reps: four whose own deals look transactional, two borderline, two relationship. */
function team(): string {
  const row = (
    name: string,
    role: string,
    deal: number,
    cycle: number,
    dms: number,
    remote: number,
    quota: number,
  ) =>
    `${name},${name.toLowerCase().replace(/ /g, ".")}@plan.test,${role},AE,SMB,50000,110000,${quota},95%,300,60,800,40,30,8,${deal},${cycle},${dms},${remote}%`;
  return [
    HEADER,
    row("Ines Inside", "Inside Sales", 9000, 30, 2, 95, 500000),
    row("Ivo Inside", "Inside Sales", 11000, 35, 2, 90, 520000),
    row("Fay Small", "Field", 12000, 40, 2, 70, 800000),
    row("Fred Small", "Field", 15000, 45, 2, 60, 820000),
    row("Flo Small", "Field", 20000, 60, 3, 55, 840000),
    row("Finn Small", "Field", 25000, 80, 3, 50, 860000),
    row("Gil Border", "Field", 33000, 120, 3, 40, 900000),
    row("Gus Border", "Field", 34000, 60, 5, 30, 910000),
    row("Rex Large", "Field", 60000, 150, 6, 20, 1200000),
    row("Roy Large", "Field", 80000, 180, 7, 15, 1300000),
  ].join("\n");
}

test("the planner as a user: candidates and reasons, ticking changes capacity and cost, a quarterly plan, two saved scenarios compared, in the report, the CSV and the API", async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const slug = await signUpViaApi(page.request, { name: "Vp", email: uniqueEmail("plan"), org: "Plan Co" });
  const created = await page.request.post("/api/trpc/apiKeys.create", {
    data: { json: { orgSlug: slug, name: "Planner e2e", scope: "read_write" } },
  });
  expect(created.status(), await created.text()).toBe(200);
  const { key } = ((await created.json()) as { result: { data: { json: { key: string } } } }).result.data
    .json;
  const api = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  expect((await api.patch("/api/v1/organization", { data: { annualRevenue: 30_000_000 } })).status()).toBe(
    200,
  );
  const imported = await api.post("/api/v1/imports?as_of=2026-11-30&period=Q4", {
    headers: { "content-type": "text/csv" },
    data: team(),
  });
  expect(imported.status(), await imported.text()).toBe(201);

  // Open the planner from the mix recommendation.
  await page.goto(`/o/${slug}`);
  await page.locator('details:has([data-testid="open-planner"]) summary').first().click();
  await page.getByTestId("open-planner").click();
  await page.waitForURL(`**/o/${slug}/planner`);
  await expect(page.getByRole("heading", { name: "Restructuring planner" })).toBeVisible();

  // Named candidates, best fit first, with one reason per criterion citing its id.
  const candidates = page.getByTestId("candidates").getByTestId("candidate");
  await expect(candidates.first()).toContainText("Fay Small");
  await expect(candidates.first()).toContainText("model.cycle_days");
  await expect(candidates.first()).toContainText("remote.outside_time_share");
  await expect(page.getByTestId("candidates")).not.toContainText("Rex Large");
  await expect(page.getByTestId("hybrid-candidates")).toContainText("Gil Border");
  // Fay Small is row 4 (header row 1, two inside reps before her) and preselected.
  await expect(page.getByTestId("move-4")).toBeChecked();

  // Unticking changes capacity and cost at once (no request needed).
  const capacityBefore = await page.getByTestId("capacity-after").textContent();
  await page.getByTestId("move-4").uncheck();
  await expect(page.getByTestId("capacity-after")).not.toHaveText(capacityBefore ?? "");
  await expect(page.getByTestId("projection-label")).toContainText("quota.outside_quota_premium");
  await page.getByTestId("move-4").check();
  await expect(page.getByTestId("capacity-after")).toHaveText(capacityBefore ?? "");

  // A quarterly plan from assumptions: a bad rate is refused, a valid one changes the plan.
  await page.getByTestId("assume-inside-attrition").fill("-5");
  await expect(page.getByTestId("assumptions-error")).toContainText("Attrition cannot be negative.");
  await page.getByTestId("assume-inside-attrition").fill("10");
  await expect(page.getByTestId("assumptions-error")).toHaveCount(0);
  const shareAtEnd = await page.getByTestId("plan-share-8").textContent();
  await page.getByTestId("assume-inside-hires").fill("2");
  await expect(page.getByTestId("plan-share-8")).not.toHaveText(shareAtEnd ?? "");
  await expect(page.getByTestId("plan-table")).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  // Save two scenarios and compare them.
  await page.getByTestId("scenario-name").fill("Hire two inside");
  await page.getByRole("button", { name: "Save this scenario" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved “Hire two inside”." })).toBeVisible();
  await page.getByTestId("assume-inside-hires").fill("0");
  await page.getByTestId("move-5").uncheck();
  await page.getByTestId("scenario-name").fill("Moves only");
  await page.getByRole("button", { name: "Save this scenario" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved “Moves only”." })).toBeVisible();
  await page.getByTestId("compare-Hire two inside").check();
  await page.getByTestId("compare-Moves only").check();
  const compare = page.getByTestId("compare-table");
  await expect(compare).toContainText("Hire two inside");
  await expect(compare).toContainText("Moves only");
  await expect(compare).toContainText("Inside share, Q8");

  // Reach the mix by hiring, moving no one: the suggested inside hires put the last quarter in range.
  const ticked = page.locator('[data-testid^="move-"]:checked');
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
  const hint = page.getByTestId("hiring-hint");
  await expect(hint).toContainText("inside hire");
  await expect(page.getByTestId("plan-share-8")).not.toContainText("(in range)");
  await page.getByTestId("hiring-use").click();
  await expect(page.getByTestId("plan-share-8")).toContainText("(in range)");
  await expect(hint).toContainText("no further hires are needed");
  const hires = Number(await page.getByTestId("assume-inside-hires").inputValue());
  expect(hires).toBeGreaterThan(0);
  // One hire fewer a quarter does not reach it: the suggestion is the smallest.
  await page.getByTestId("assume-inside-hires").fill(String(hires - 1));
  await expect(page.getByTestId("plan-share-8")).not.toContainText("(in range)");

  // Read them back through the API.
  const listed = await api.get("/api/v1/scenarios");
  expect(listed.status()).toBe(200);
  const scenarios = (
    (await listed.json()) as { data: { id: string; name: string; content: { moves: unknown[] } }[] }
  ).data;
  expect(scenarios.map((s) => s.name).sort()).toEqual(["Hire two inside", "Moves only"]);
  const hire = scenarios.find((s) => s.name === "Hire two inside")!;
  const moves = scenarios.find((s) => s.name === "Moves only")!;
  expect(moves.content.moves.length).toBe(hire.content.moves.length - 1);
  const one = await api.get(`/api/v1/scenarios/${hire.id}`);
  expect(((await one.json()) as { name: string }).name).toBe("Hire two inside");

  // In the report, and in the metrics CSV.
  await page.goto(`/o/${slug}/report?scenario=${hire.id}`);
  await expect(page.getByTestId("report-scenario")).toContainText("Scenario: Hire two inside");
  await expect(page.getByTestId("report-scenario-plan")).toBeVisible();
  const csvHref = await page.getByTestId("report-csv").getAttribute("href");
  expect(csvHref).toContain(`scenario=${hire.id}`);
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain("scenario_name");
  expect(csv).toContain("Hire two inside");
  expect(csv).toContain("plan.q8.inside_share");
  await api.dispose();
});
