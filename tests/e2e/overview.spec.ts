import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { demoTeamFiles } from "../../src/server/seed/demo-team";
import { signInViaApi } from "./helpers";

const SCREENS = "test-results/screens";

interface Gap {
  figureId: string;
  kind: "level" | "cohort_ratio";
  orgValue: number | null;
  status: string;
  benchmark: { display: string };
  insufficient: { needed: number; have: number } | null;
}
interface Analysis {
  gaps: Gap[];
  recommendations: { rank: number; title: string; mix: { range: { low: number; high: number } } | null }[];
}

/** People of a seed file by email, read here without the app's CSV code. */
function peopleOf(csv: string) {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const cols = (header ?? "").split(",");
  const at = (name: string) => cols.indexOf(name);
  return new Map(
    lines.map((l) => {
      const cells = l.replace(/"[^"]*"/g, "x").split(",");
      return [
        (cells[at("Work Email")] ?? "").toLowerCase(),
        { role: cells[at("Sales Role")], team: cells[at("Segment")] },
      ] as const;
    }),
  );
}

/** The demo team's roles in a seed file, read here without the app's CSV code (no quoted field holds a role). */
function rolesOf(csv: string) {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const at = (header ?? "").split(",").indexOf("Sales Role");
  const roles = lines.map((l) => l.replace(/"[^"]*"/g, "x").split(",")[at]);
  const count = (r: string) => roles.filter((x) => x === r).length;
  return {
    inside: count("Inside Sales"),
    outside: count("Field Sales"),
    hybrid: count("Hybrid"),
    total: roles.length,
  };
}

const share = (v: number) => `${Math.round(v * 1000) / 10}%`;
const money = (v: number) => `$${Math.round(v).toLocaleString("en-US")}`;
const premium = (v: number) => {
  const p = Math.round(v * 1000) / 10;
  return p < 0 ? `−${Math.abs(p)}%` : `+${p}%`;
};

async function signInDemo(page: Page) {
  await signInViaApi(page.request, "demo@salesmix.app", "salesmix-demo-2026");
  await page.goto("/");
  await page.waitForURL(/\/o\/[a-z0-9-]+$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

async function trpcGet<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(res.status()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The numbers a sentence states ("45.5%", "$42,833", "+9.2%"): one spelling of a percentage everywhere. */
function statedNumbers(text: string): string[] {
  return (
    text
      .replace(/\d{4}-\d{2}-\d{2}/g, "")
      .match(/[−+]?\$?\d[\d,.]*%?/g)
      ?.map((n) => n.replace(/[.,]$/, "")) ?? []
  );
}

async function expectNoSeriousA11yViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${where} · ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test("the demo organization's summary states the analysis's numbers, each linked to its section", async ({
  page,
}) => {
  const slug = await signInDemo(page);
  const report = await trpcGet<{ analysis: Analysis }>(page.request, "report.overview", { orgSlug: slug });
  const { analysis } = report;

  // Every number the analysis could state, formatted as the product formats it.
  const allowed = new Set<string>(["$50M"]);
  for (const g of analysis.gaps) {
    for (const n of statedNumbers(g.benchmark.display)) allowed.add(n);
    if (g.orgValue !== null) {
      const v =
        g.kind === "cohort_ratio"
          ? premium(g.orgValue)
          : g.figureId.startsWith("pay.")
            ? money(g.orgValue)
            : share(g.orgValue);
      allowed.add(v);
    }
  }
  for (const r of analysis.recommendations) {
    for (const n of statedNumbers(r.title)) allowed.add(n);
    if (r.mix) {
      allowed.add(share(r.mix.range.low));
      allowed.add(share(r.mix.range.high));
    }
  }

  await page.goto(`/o/${slug}`);
  const headline = page.getByTestId("headline");
  await expect(headline).toBeVisible();
  const items = headline.locator("li");
  expect(await items.count()).toBeGreaterThanOrEqual(3);
  expect(await items.count()).toBeLessThanOrEqual(5);

  // The mix, from the seed file itself: today's file is 20 inside, 8 hybrid, 12 outside of 40.
  const today = rolesOf(demoTeamFiles().today);
  const insideShare = (today.inside + today.hybrid / 2) / today.total;
  const mix = page.getByTestId("headline-mix");
  await expect(mix).toContainText(`Your inside share is ${share(insideShare)}`);
  await expect(mix).toContainText("47%");
  await expect(
    headline.locator('li[data-topic="mix"]').getByRole("link", { name: "mix.inside_share.small" }),
  ).toHaveAttribute("href", "/methodology#mix.inside_share.small");

  for (const topic of ["mix", "gaps", "model", "next_step"]) {
    const text = (await page.getByTestId(`headline-${topic}`).textContent()) ?? "";
    for (const n of statedNumbers(text.replace(/\$50M/g, "")))
      expect(allowed, `${n} in "${text}"`).toContain(n);
  }
  // The gaps sentence names the gaps' figures; its values are the analysis's for those figures.
  const gapLinks = await headline.locator('li[data-topic="gaps"] a[href^="/methodology#"]').allTextContents();
  expect(gapLinks.length).toBeGreaterThanOrEqual(2);
  const gapsText = (await page.getByTestId("headline-gaps").textContent()) ?? "";
  for (const id of gapLinks) {
    const gap = analysis.gaps.find((g) => g.figureId === id);
    expect(gap, id).toBeDefined();
    expect(gapsText).toContain(gap?.benchmark.display ?? "missing");
  }
  await expect(page.getByTestId("headline-next_step")).toContainText(
    analysis.recommendations[0]?.title ?? "missing",
  );

  // Each sentence's section link goes somewhere on the page.
  await headline.locator('li[data-topic="gaps"]').getByRole("link", { name: /^See / }).click();
  await expect(page.getByTestId("gap-chart")).toBeInViewport();
});

for (const width of [1440, 390]) {
  test(`overview and report at ${width} px, light and dark: no serious axe finding, no sideways scroll`, async ({
    browser,
  }) => {
    test.setTimeout(420_000);
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 900 : 844 } });
    const page = await context.newPage();
    const slug = await signInDemo(page);
    for (const [name, path] of [
      ["overview", `/o/${slug}`],
      ["report", `/o/${slug}/report`],
      ["compare", `/o/${slug}/compare`],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expect(page.getByTestId(name === "compare" ? "compare-joined" : "headline")).toBeVisible();
        await page.waitForLoadState("networkidle");
        await expectNoSeriousA11yViolations(page, `${name} ${width} ${scheme}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} ${width} ${scheme} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${SCREENS}/${name}-${width}-${scheme}.png`, fullPage: true });
      }
    }
    await context.close();
  });
}

test("comparing the demo's two uploads counts who joined, left and changed as the seed files say", async ({
  page,
}) => {
  const slug = await signInDemo(page);
  const files = demoTeamFiles();
  const before = peopleOf(files.lastYear);
  const after = peopleOf(files.today);
  const joined = [...after.keys()].filter((e) => !before.has(e)).length;
  const left = [...before.keys()].filter((e) => !after.has(e)).length;
  const both = [...after.keys()].filter((e) => before.has(e));
  const changedRole = both.filter((e) => before.get(e)?.role !== after.get(e)?.role).length;
  const changedTeam = both.filter((e) => before.get(e)?.team !== after.get(e)?.team).length;
  expect(changedRole).toBe(14);

  // The summary's "since last upload" line says the same.
  await page.goto(`/o/${slug}`);
  const since = page.getByTestId("headline-since_last");
  await expect(since).toContainText(
    `${joined} reps joined, ${left} left, ${changedRole} changed role, ${changedTeam} changed team`,
  );
  const beforeShare = rolesOf(files.lastYear);
  await expect(since).toContainText(
    `from ${share((beforeShare.inside + beforeShare.hybrid / 2) / beforeShare.total)} to`,
  );
  await page.locator('li[data-topic="since_last"]').getByRole("link", { name: /^See / }).click();
  await page.waitForURL(/\/compare\?from=/);
  await expect(page.getByTestId("compare-joined")).toHaveText(String(joined));
  await expect(page.getByTestId("compare-left")).toHaveText(String(left));
  await expect(page.getByTestId("compare-changed-role")).toHaveText(String(changedRole));
  await expect(page.getByTestId("compare-changed-team")).toHaveText(String(changedTeam));
  await expect(page.getByTestId("compare-moves").locator("tbody tr")).toHaveCount(changedRole + changedTeam);

  // An upload id that is not this organization's: a message under the pickers, not the error page.
  const url = new URL(page.url());
  const real = url.searchParams.get("to") ?? "";
  await page.goto(`/o/${slug}/compare?from=00000000-0000-4000-8000-000000000000&to=${real}`);
  await expect(page.getByTestId("compare-missing")).toContainText("not among");
  await expect(page.getByRole("form", { name: "Choose the uploads" })).toBeVisible();
  await expect(page.getByTestId("compare-joined")).toHaveCount(0);
});

test("the overview's sections are tabs kept in the URL; the gap chart shows every compared figure", async ({
  page,
}) => {
  const slug = await signInDemo(page);
  const report = await trpcGet<{ analysis: Analysis }>(page.request, "report.overview", { orgSlug: slug });
  await page.goto(`/o/${slug}`);
  const compared = report.analysis.gaps.filter((g) => g.orgValue !== null);
  await expect(page.getByTestId("gap-chart").locator("li[data-figure]")).toHaveCount(compared.length);
  for (const g of compared)
    await expect(page.getByTestId("gap-chart").locator(`li[data-figure="${g.figureId}"]`)).toHaveAttribute(
      "data-status",
      g.status,
    );
  await expect(page.getByTestId("gaps-mix")).toBeVisible();
  await expect(page.getByTestId("gaps-activity")).toHaveCount(0);
  await page.getByTestId("tabs").getByRole("link", { name: "Activity" }).click();
  await page.waitForURL(/[?&]tab=activity/);
  await expect(page.getByTestId("gaps-activity")).toBeVisible();
  await expect(page.getByTestId("gaps-mix")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("tabs").getByRole("link", { name: "Activity" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await page.goto(`/o/${slug}?tab=by-role`);
  await expect(page.getByTestId("role-table")).toBeVisible();
  // The trend labels every upload on its x axis and shades the target range.
  await page.goto(`/o/${slug}?tab=composition`);
  const trend = page.getByTestId("trend");
  await expect(trend.locator(".recharts-surface")).toBeVisible();
  await expect(trend.locator(".recharts-xAxis .recharts-cartesian-axis-tick")).toHaveCount(2);
  await expect(trend.locator(".recharts-reference-area")).toHaveCount(1);
});
