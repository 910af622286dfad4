import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import Papa from "papaparse";
import { signInViaApi, signUpViaApi, uniqueEmail } from "./helpers";

const FIXTURE = path.join(__dirname, "../fixtures/e2e-team.csv");
const SCREENS = "test-results/screens";

interface FixtureRep {
  role: string;
  team: string;
  ote: number | null;
  attainment: number | null;
}

/** The fixture read here, independently of the app's CSV library (plain comma-separated, no quotes). */
function readFixture(): FixtureRep[] {
  const [header, ...lines] = fs.readFileSync(FIXTURE, "utf8").trim().split(/\r?\n/);
  const columns = (header ?? "").split(",");
  const at = (name: string) => columns.indexOf(name);
  const number = (cell: string | undefined) => {
    if (!cell) return null;
    return cell.endsWith("%") ? Number(cell.slice(0, -1)) / 100 : Number(cell);
  };
  return lines.map((line) => {
    const cells = line.split(",");
    return {
      role: cells[at("role")] ?? "",
      team: cells[at("team")] ?? "",
      ote: number(cells[at("ote")]),
      attainment: number(cells[at("quota_attainment")]),
    };
  });
}

/** What the overview must show for these reps, computed from the rows by the rules of the methodology. */
function expectedFor(reps: FixtureRep[]) {
  const count = (role: string) => reps.filter((r) => r.role === role).length;
  const inside = count("inside");
  const hybrid = count("hybrid");
  const outside = count("outside");
  const withAttainment = reps.filter((r) => r.attainment !== null);
  const insideOtes = reps.filter((r) => r.role === "inside" && r.ote !== null).map((r) => r.ote ?? 0);
  return {
    inside,
    hybrid,
    outside,
    total: reps.length,
    // Hybrid reps count half inside.
    insideShare: (inside + hybrid / 2) / reps.length,
    atQuota: withAttainment.filter((r) => (r.attainment ?? 0) >= 1).length / withAttainment.length,
    insideOte: insideOtes.reduce((a, b) => a + b, 0) / insideOtes.length,
  };
}

const pct = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
/** Percent of a head count, one decimal at most, as the composition table writes it ("30%"). */
const headPct = (n: number, total: number) => `${Math.round((n / total) * 1000) / 10}%`;

// Tailwind's palette, the colours the composition chart promises per role.
const BLUE_500 = "rgb(59, 130, 246)";
const VIOLET_500 = "rgb(139, 92, 246)";
const AMBER_500 = "rgb(245, 158, 11)";
const GRAY_500 = "rgb(107, 114, 128)";

async function expectNoSeriousA11yViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) => `${where} · ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

async function shoot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage });
}

test("dashboard: profile, upload, the overview's numbers, what-if, chart, report, CSV and accessibility", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const reps = readFixture();
  const want = expectedFor(reps);
  expect(want.total).toBe(20);

  const slug = await signUpViaApi(page.request, {
    name: "Dana Board",
    email: uniqueEmail("dash"),
    org: "Northwind Dashboards",
  });

  await test.step("set the profile to the small band", async () => {
    await page.goto(`/o/${slug}/settings`);
    await page.getByLabel("Annual revenue (USD)").fill("20M");
    await expect(page.getByTestId("band-preview")).toContainText("Under $50M revenue");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  });

  await test.step("upload the fixture team through the upload page", async () => {
    await page.goto(`/o/${slug}/imports/new`);
    await expectNoSeriousA11yViolations(page, "upload page");
    await page.setInputFiles("input[type=file]", FIXTURE);
    await page.getByRole("button", { name: `Import ${want.total} reps` }).click();
    await page.waitForURL(new RegExp(`/o/${slug}$`));
  });

  await test.step("the overview shows the numbers computed from the fixture", async () => {
    await expect(page.getByTestId("kpi-reps-value")).toHaveText(String(want.total));
    await expect(page.getByTestId("band-label")).toHaveText("Under $50M revenue");
    await expect(page.getByTestId("kpi-inside-share-value")).toHaveText(pct.format(want.insideShare));
    await expect(page.getByTestId("kpi-inside-share-benchmark")).toHaveText("47%");
    await expect(page.getByTestId("kpi-at-quota-value")).toHaveText(pct.format(want.atQuota));
    await expect(page.getByTestId("kpi-inside-ote-value")).toHaveText(usd.format(want.insideOte));
    const recommendations = page.getByTestId("recommendations").locator(":scope > li");
    expect(await recommendations.count()).toBeGreaterThan(0);
    await expect(recommendations.first()).toBeVisible();
    // The band benchmark links to its figure on the methodology page.
    await expect(
      page.getByTestId("kpi-inside-share").getByRole("link", { name: /mix\.inside_share\.small/ }),
    ).toHaveAttribute("href", "/methodology#mix.inside_share.small");
  });

  await test.step("the composition chart plots the team's shares in the role colours", async () => {
    const table = page.getByTestId("composition-table");
    const yours = table.locator("tbody tr", { hasText: "Your team" });
    await expect(yours.locator("td").nth(0)).toHaveText(headPct(want.inside, want.total));
    await expect(yours.locator("td").nth(1)).toHaveText(headPct(want.hybrid, want.total));
    await expect(yours.locator("td").nth(2)).toHaveText(headPct(want.outside, want.total));
    const article = table.locator("tbody tr", { hasText: "revenue < $50M" });
    await expect(article.locator("td").nth(0)).toHaveText("47%");
    await expect(article.locator("td").nth(2)).toHaveText("53%");

    await expect(page.locator("section:has(#composition-title) .recharts-surface")).toBeVisible();
    const bars = await page.locator("section:has(#composition-title) .recharts-bar rect").evaluateAll((els) =>
      els.map((el) => {
        const box = (el as SVGGraphicsElement).getBBox();
        return { fill: getComputedStyle(el).fill, x: box.x, y: box.y, width: box.width };
      }),
    );
    const drawn = bars.filter((b) => b.width > 0);
    expect(drawn.length).toBeGreaterThan(0);
    // Inside, hybrid and outside in their role colours (gray is the US split's unclassified 1.7 %).
    const fills = new Set(drawn.map((b) => b.fill));
    for (const colour of [BLUE_500, VIOLET_500, AMBER_500]) expect(fills).toContain(colour);
    expect([...fills].every((f) => [BLUE_500, VIOLET_500, AMBER_500, GRAY_500].includes(f))).toBe(true);
    // "Your team" is the first (top) row: its three segments are as wide as its three shares.
    const topY = Math.min(...drawn.map((b) => b.y));
    const top = drawn.filter((b) => Math.abs(b.y - topY) < 1);
    const width = (fill: string) => top.find((b) => b.fill === fill)?.width ?? 0;
    expect(top).toHaveLength(3);
    expect(width(BLUE_500) / width(AMBER_500)).toBeCloseTo(want.inside / want.outside, 2);
    expect(width(VIOLET_500) / width(AMBER_500)).toBeCloseTo(want.hybrid / want.outside, 2);
  });

  await test.step("the what-if slider changes the composition", async () => {
    const after = page.getByTestId("what-if-after");
    await expect(after).toHaveText(`${want.inside} inside · ${want.hybrid} hybrid · ${want.outside} outside`);
    const slider = page.getByLabel("Outside → inside");
    await slider.focus();
    for (let i = 0; i < 3; i++) await slider.press("ArrowRight");
    await expect(slider).toHaveValue("3");
    await expect(after).toHaveText(
      `${want.inside + 3} inside · ${want.hybrid} hybrid · ${want.outside - 3} outside`,
    );
    const moved = (want.inside + 3 + want.hybrid / 2) / want.total;
    await expect(page.getByTestId("what-if-inside-share")).toContainText(pct.format(moved));
  });

  await test.step("overview: screenshots, accessibility, no sideways scrolling at 375 px", async () => {
    await shoot(page, "dashboard-overview");
    await expectNoSeriousA11yViolations(page, "overview");
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoSeriousA11yViolations(page, "overview (dark)");
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await expect(page.getByTestId("kpi-inside-share-value")).toHaveText(pct.format(want.insideShare));
    await expect(page.locator("section:has(#composition-title) .recharts-surface")).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await shoot(page, "dashboard-overview-375");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  let snapshotPath = "";
  await test.step("imports list and snapshot page are accessible", async () => {
    await page.goto(`/o/${slug}/imports`);
    await expect(page.getByTestId("snapshot-table")).toContainText("e2e-team.csv");
    await expectNoSeriousA11yViolations(page, "imports list");
    const view = page.getByTestId("snapshot-table").getByRole("link", { name: "View reps" }).first();
    snapshotPath = (await view.getAttribute("href")) ?? "";
    expect(snapshotPath).toMatch(new RegExp(`^/o/${slug}/imports/[0-9a-f-]{36}$`));
    await page.goto(snapshotPath);
    await expect(page.getByTestId("reps-table")).toContainText("Ava Chen");
    await expectNoSeriousA11yViolations(page, "snapshot page");
  });

  await test.step("the report shows the same numbers, with its charts drawn, and prints", async () => {
    await page.goto(`/o/${slug}/report`);
    const report = page.getByTestId("report");
    await expect(report.getByRole("heading", { level: 1 })).toContainText("Northwind Dashboards");
    await expect(page.getByTestId("report-band")).toHaveText("Under $50M revenue");
    await expect(page.getByTestId("report-vintage")).toHaveText("2017–2019 data, published 2020");
    await expect(page.getByTestId("kpi-inside-share-value")).toHaveText(pct.format(want.insideShare));
    await expect(page.getByTestId("kpi-inside-share-benchmark")).toHaveText("47%");
    await expect(page.getByTestId("kpi-at-quota-value")).toHaveText(pct.format(want.atQuota));
    await expect(page.getByTestId("kpi-inside-ote-value")).toHaveText(usd.format(want.insideOte));
    // Recommendations are expanded: the reasoning is on the page, not behind a click.
    const recs = page.getByTestId("report-recommendations").locator(":scope > li");
    expect(await recs.count()).toBeGreaterThan(0);
    await expect(recs.first().getByText("What the article's cohorts show:")).toBeVisible();
    for (const id of ["gaps-mix", "gaps-activity", "gaps-pay", "gaps-quota", "gaps-deals"]) {
      await expect(page.getByTestId(id)).toBeVisible();
    }
    await expect(page.getByTestId("gaps-quota").locator('tr[data-figure="quota.hit_rate"]')).toContainText(
      pct.format(want.atQuota),
    );
    const print = page.getByRole("button", { name: "Print / Save as PDF" });
    await expect(print).toHaveAttribute("data-charts-ready", "true");
    await expect(page.locator("[data-report-chart] .recharts-surface")).toHaveCount(2);
    await shoot(page, "report-screen");
    await expectNoSeriousA11yViolations(page, "report");
    await page.setViewportSize({ width: 375, height: 812 });
    await expect(print).toHaveAttribute("data-charts-ready", "true");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shoot(page, "report-375", false);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The button opens the print dialog (stubbed here) once the charts are drawn.
    await page.evaluate(() => {
      const w = window as Window & { printCalls?: number };
      w.printCalls = 0;
      window.print = () => {
        w.printCalls = (w.printCalls ?? 0) + 1;
      };
    });
    await print.click();
    await expect
      .poll(() => page.evaluate(() => (window as Window & { printCalls?: number }).printCalls))
      .toBe(1);

    // On paper: no app navigation, no buttons, the charts still there.
    await page.emulateMedia({ media: "print" });
    await expect(print).toBeHidden();
    await expect(page.getByRole("navigation").first()).toBeHidden();
    await expect(page.locator("[data-report-chart] .recharts-surface").first()).toBeVisible();
    await shoot(page, "report-print");
    await page.pdf({ path: `${SCREENS}/report.pdf`, format: "A4", printBackground: true });
    await page.emulateMedia({ media: "screen", colorScheme: "dark" });
    await expectNoSeriousA11yViolations(page, "report (dark)");
    await shoot(page, "report-dark");
    await page.emulateMedia({ media: "screen", colorScheme: "light" });
  });

  await test.step("the metrics CSV downloads with the same numbers, formula-safe", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download metrics CSV" }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const { data, errors } = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(errors).toEqual([]);
    const [header = [], ...rows] = data;
    expect(header.slice(0, 5)).toEqual(["section", "item", "scope", "label", "value"]);
    const row = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item) ?? [];
    expect(row("composition", "inside_share")[4]).toBe(`${Math.round(want.insideShare * 1000) / 10}%`);
    expect(row("gap", "mix.inside_share.small")[4]).toBe(`${Math.round(want.insideShare * 1000) / 10}%`);
    expect(row("gap", "mix.inside_share.small")[7]).toBe("47%");
    expect(rows.filter((r) => r[0] === "recommendation").length).toBeGreaterThan(0);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  await test.step("methodology page: every figure addressable, accessible, light and dark", async () => {
    await page.goto(`/o/${slug}`);
    await page
      .getByTestId("kpi-inside-share")
      .getByRole("link", { name: /mix\.inside_share\.small/ })
      .click();
    await page.waitForURL(/\/methodology#mix\.inside_share\.small$/);
    const figure = page.locator('[id="mix.inside_share.small"]');
    await expect(figure).toBeInViewport();
    await expect(figure.getByTestId("figure-value")).toHaveText("47%");
    await expectNoSeriousA11yViolations(page, "methodology");
    await shoot(page, "methodology-figure", false);
  });
});

test("the methodology page is public and lists every figure, rule and finding", async ({ browser }) => {
  // The longest page, checked by axe twice (light and dark): on a loaded machine each pass alone takes 10–20 s.
  test.slow();
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto("/methodology#unresolved.outside_higher_30_2");
  expect(response?.status()).toBe(200);
  expect(page.url()).toMatch(/\/methodology#/);
  await expect(page.getByRole("heading", { name: "Methodology and sources", level: 1 })).toBeVisible();
  const unresolved = page.locator('[id="unresolved.outside_higher_30_2"]');
  await expect(unresolved).toBeInViewport();
  await expect(unresolved.getByTestId("not-scored")).toContainText("Not scored");
  await expect(page.locator("article[data-figure]")).toHaveCount(26);
  for (const id of ["quota.hit_rate", "pay.inside_am.ote", "model.cycle_days", "finding.caution"]) {
    await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
  }
  const hitRate = page.locator('[id="quota.hit_rate"]');
  await expect(hitRate.getByTestId("figure-value")).toHaveText("60.9%");
  await expect(hitRate.locator('blockquote[lang="zh"]')).not.toBeEmpty();
  await expect(hitRate).toContainText("reps at or above 100% attainment ÷ reps with an attainment");
  await expect(page.locator("#not-in-source")).toContainText("not in source");
  await expect(page.getByTestId("min-reps")).toHaveText("3 reps");
  await expect(page.getByTestId("tolerance")).toContainText("±10%");
  await expectNoSeriousA11yViolations(page, "methodology (public)");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/methodology");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shoot(page, "methodology-375-top", false);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousA11yViolations(page, "methodology (dark)");
  await page.screenshot({ path: `${SCREENS}/methodology-375-dark.png` });
  await context.close();
});

test("the demo organization's report prints all three charts, the trend included", async ({ page }) => {
  await signInViaApi(page.request, "demo@salesmix.app", "salesmix-demo-2026");
  await page.goto("/");
  await page.waitForURL(/\/o\/[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.goto(`/o/${slug}/report`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Northwind Analytics");
  await expect(page.getByTestId("trend").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toHaveAttribute(
    "data-charts-ready",
    "true",
  );
  await expect(page.locator("[data-report-chart] .recharts-surface")).toHaveCount(3);
  await expectNoSeriousA11yViolations(page, "demo report");
  await shoot(page, "report-demo-screen");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("trend").locator(".recharts-surface")).toBeVisible();
  await shoot(page, "report-demo-print");
});
