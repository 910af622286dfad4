import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, signUpViaApi, uniqueEmail } from "./helpers";
import { linkIn, waitForRawMail } from "./mail";
import { readable } from "./mime";

const fixture = (name: string) => path.join(__dirname, "../fixtures/e2e", name);
const SHOTS = process.env.I18N_SHOTS_DIR ?? "/tmp/shots-zh";

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    // Nothing wider than the window: a long Chinese label must wrap, not push the page sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(1);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });

  test("signs up, uploads, reads the overview, plays the what-if, opens the report and invites, in Chinese", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const email = uniqueEmail("zh-owner");
    await page.goto("/signup");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "创建您的 SalesMix 组织" })).toBeVisible();
    // A field error, checked in the browser, reads in Chinese too.
    await page.getByRole("button", { name: "创建账户和组织" }).click();
    await expect(page.getByText("请输入您的姓名")).toBeVisible();
    await page.getByLabel("您的姓名").fill("王芳");
    await page.getByLabel("工作邮箱").fill(email);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByLabel("组织名称").fill("华东销售部");
    await page.getByRole("button", { name: "创建账户和组织" }).click();
    await expect(page.getByRole("heading", { name: "请查收邮件" })).toBeVisible();

    // The verification email is in the language the account was created in.
    const verify = readable(await waitForRawMail(email));
    expect(verify.subject).toBe("确认您在 SalesMix 的邮箱地址");
    expect(verify.text).toContain("王芳，您好：");
    await page.goto(linkIn(verify.text, "/verify-email/"));
    await page.getByRole("button", { name: "确认并登录" }).click();
    await page.waitForURL(/\/o\/[a-z0-9-]+$/);
    const slug = new URL(page.url()).pathname.split("/")[2] ?? "";

    await expect(page.getByRole("heading", { name: "上传您的团队数据，查看对比结果" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "组织" }).getByRole("link", { name: "概览" }),
    ).toBeVisible();
    await page.getByRole("link", { name: "上传团队数据" }).click();
    await page.setInputFiles("input[type=file]", fixture("clean-team.csv"));
    await page.getByRole("button", { name: /^(Import 5 reps|导入 5 名销售代表)$/ }).click();
    await page.waitForURL(new RegExp(`/o/${slug}$`));

    // The overview: key figures, tabs, tables and the what-if in Chinese, numbers in the one format.
    await expect(page.getByTestId("kpi-reps")).toContainText("本次上传的销售代表");
    await expect(page.getByTestId("kpi-reps-value")).toHaveText("5");
    await expect(page.getByRole("heading", { name: "您的团队与文章的全部数据对比" })).toBeVisible();
    await expect(page.getByTestId("tabs").getByRole("link", { name: "薪酬与配额" })).toBeVisible();
    await expect(page.getByTestId("composition-table")).toContainText("您的团队");
    const whatIf = page.getByTestId("what-if");
    await expect(
      whatIf.getByRole("heading", { name: "如果在不同角色之间调动销售代表会怎样？" }),
    ).toBeVisible();
    const before = await page.getByTestId("what-if-after").textContent();
    const slider = whatIf.getByLabel("外部 → 内部");
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("what-if-after")).not.toHaveText(before ?? "");
    await expect(page.getByTestId("what-if-after")).toContainText("内部");
    await shoot(page, "overview");

    await page.getByRole("link", { name: "用于分享的报告" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("销售团队与已发布基准的对比");
    await expect(page.getByTestId("report-scope")).toHaveText("全部 5 名销售代表");
    await expect(page.getByRole("heading", { name: "与文章的全部对比" })).toBeVisible();
    await shoot(page, "report");

    // The methodology puts each figure's Chinese source sentence first, its English reading beside it.
    await page.goto("/methodology#quota.hit_rate");
    const source = page.locator('[id="quota.hit_rate"] figure[data-primary]').first();
    await expect(source).toHaveAttribute("data-primary", "zh");
    await expect(source.locator("blockquote").first()).toHaveAttribute("lang", "zh");
    await expect(source.locator("figcaption")).toContainText("英文释义");

    // An invitation to an address without an account goes out in the inviter's language.
    const invitee = uniqueEmail("zh-invitee");
    await page.goto(`/o/${slug}/members`);
    await page.getByLabel("邮箱地址").fill(invitee);
    await page.getByRole("button", { name: "发送邀请" }).click();
    const invite = readable(await waitForRawMail(invitee));
    expect(invite.subject).toBe("王芳 邀请您加入 SalesMix 上的 华东销售部");
    expect(linkIn(invite.text, "/invite/")).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  });
});

test("the switcher changes the language on the sign-in page and, signed in, on the account", async ({
  page,
  browser,
}) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in to SalesMix" })).toBeVisible();
  await page.getByTestId("locale-switcher").selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "登录 SalesMix" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByTestId("locale-switcher").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in to SalesMix" })).toBeVisible();

  // In English the English reading comes first, the Chinese source sentence beside it.
  await page.goto("/methodology#quota.hit_rate");
  const source = page.locator('[id="quota.hit_rate"] figure[data-primary]').first();
  await expect(source).toHaveAttribute("data-primary", "en");
  await expect(source.locator("figcaption blockquote")).toHaveAttribute("lang", "zh");

  const email = uniqueEmail("switcher");
  const slug = await signUpViaApi(page.request, { name: "Sam Switch", email, org: "Switch Co" });
  await page.goto(`/o/${slug}`);
  await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByTestId("user-menu").getByTestId("locale-switcher").selectOption("zh-CN");
  await expect(page.getByRole("link", { name: "概览" })).toBeVisible();

  // Saved on the account: another browser, English and without the cookie, gets Chinese once signed in.
  const other = await browser.newContext({ locale: "en-US" });
  const session = (await page.context().cookies()).filter((c) => c.name.includes("authjs.session-token"));
  await other.addCookies(session);
  const tab = await other.newPage();
  await tab.goto(`/o/${slug}`);
  await expect(tab.getByRole("link", { name: "概览" })).toBeVisible();
  await other.close();
});
