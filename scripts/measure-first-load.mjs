// Prints the JavaScript a browser downloads on the first load of the dashboard and of the organization's other
// main pages (gzip sizes), signed in as the demo owner.
// Usage: node scripts/measure-first-load.mjs [http://localhost:3000] [page…]   (pages: "", planner, report…)
import zlib from "node:zlib";
import { chromium } from "@playwright/test";
import { findChromium } from "./find-browser.mjs";
import { DEMO } from "./demo-login.mjs";

const base = process.argv[2] ?? "http://localhost:3000";
// The browser's language (LOCALE=zh-CN): the page then carries that locale's messages.
const locale = process.env.LOCALE ?? "en";
const pages = process.argv.length > 3 ? process.argv.slice(3) : ["", "planner", "report", "compare"];
const browser = await chromium.launch({
  executablePath: (await findChromium()) ?? undefined,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage({ locale });
await page.goto(`${base}/signin`);
await page.getByLabel(/^(Work email|工作邮箱)$/).fill(DEMO.email);
await page.getByLabel(/^(Password|密码)$/).fill(DEMO.password);
await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
await page.waitForURL(/\/o\//);
const dashboard = page.url();

const storageState = await page.context().storageState();
for (const sub of pages) {
  const url = sub ? `${dashboard.replace(/\/$/, "")}/${sub}` : dashboard;
  // A fresh context per page: nothing cached from the one before.
  const fresh = await browser.newContext({ locale, storageState });
  const tab = await fresh.newPage();
  await tab.goto(url, { waitUntil: "load" });
  await tab.waitForLoadState("networkidle");
  // Scripts the page asked for before its load event are the first load; later ones are loaded on demand.
  const entries = await tab.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return performance
      .getEntriesByType("resource")
      .filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"))
      .map((e) => ({ url: e.name, beforeLoad: e.startTime <= nav.loadEventStart }));
  });
  const sized = [];
  for (const e of entries) {
    const body = await (await fresh.request.get(e.url)).body();
    sized.push({ ...e, raw: body.length, gzip: zlib.gzipSync(body).length });
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  const sum = (list, k) => list.reduce((t, x) => t + x[k], 0);
  const first = sized.filter((x) => x.beforeLoad);
  const later = sized.filter((x) => !x.beforeLoad);
  for (const x of first.sort((a, b) => b.gzip - a.gzip))
    console.info(`  ${kb(x.gzip).padStart(9)}  ${new URL(x.url).pathname}`);
  console.info(
    `First load of ${new URL(url).pathname} (${locale}): ${first.length} scripts, ${kb(sum(first, "gzip"))} gzipped (${kb(sum(first, "raw"))} raw)`,
  );
  console.info(
    `Loaded after the load event (charts, on demand): ${later.length} scripts, ${kb(sum(later, "gzip"))} gzipped`,
  );
  await fresh.close();
}
await browser.close();
