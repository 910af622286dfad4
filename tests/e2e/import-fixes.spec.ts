import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./helpers";

const fixture = (name: string) => path.join(__dirname, "../fixtures/e2e", name);

async function snapshotsOf(request: APIRequestContext, slug: string) {
  const res = await request.get(
    `/api/trpc/imports.list?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: slug } }))}`,
  );
  expect(res.status()).toBe(200);
  return (
    (await res.json()) as { result: { data: { json: { items: { status: string; rowCount: number }[] } } } }
  ).result.data.json.items;
}

async function openMessyExport(page: import("@playwright/test").Page, label: string) {
  const slug = await signUpViaApi(page.request, {
    name: "Fix",
    email: uniqueEmail(label),
    org: `Fix ${label} Co`,
  });
  await page.goto(`/o/${slug}/imports/new`);
  await page.setInputFiles("input[type=file]", fixture("messy-crm-export.csv"));
  await page.getByLabel("Field for column Colleague").selectOption("name");
  await expect(page.getByTestId("read-summary")).toContainText("2 valid");
  return slug;
}

test("errors are fixed in place: checked again at once, a wrong fix stays refused, then everything imports", async ({
  page,
}) => {
  const slug = await openMessyExport(page, "inplace");
  const errors = page.getByTestId("errors");
  await expect(page.getByTestId("fix-help")).toContainText("up to 100 problems");

  // A correction that is still not an amount keeps the import blocked, with the same message a file gets.
  const basePay = page.getByLabel("Fix row 3, Base Pay");
  await basePay.fill("lots");
  await basePay.press("Enter");
  await expect(errors.locator("tr", { hasText: "Base Pay" })).toContainText("is not an amount");
  await expect(page.getByLabel("Fix row 3, Base Pay")).toHaveValue("lots");
  await expect(page.getByTestId("read-summary")).toContainText("2 valid");

  await page.getByLabel("Fix row 3, Base Pay").fill("$48,000");
  await page.getByLabel("Fix row 3, Base Pay").press("Enter");
  await expect(page.getByTestId("read-summary")).toContainText("3 valid");
  await page.getByLabel("Fix row 4, Sales Role").fill("outside");
  await page.getByLabel("Fix row 4, Sales Role").press("Enter");
  await expect(page.getByTestId("read-summary")).toContainText("4 valid");
  await expect(page.getByTestId("errors")).toHaveCount(0);
  await expect(page.getByTestId("fixed-summary")).toContainText("2 values corrected");

  await page.getByRole("button", { name: "Import 4 reps" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByTestId("kpi-reps-value")).toHaveText("4");
  await page.goto(`/o/${slug}/imports`);
  await page
    .getByTestId("snapshot-table")
    .locator("tbody tr")
    .first()
    .getByRole("link", { name: "View reps" })
    .click();
  await expect(page.getByTestId("reps-table")).toContainText("Ben Ode");
  await expect(page.getByTestId("reps-table")).toContainText("Cy Lin");
});

test("the errors download as a CSV (row, column, value, message) and as the file with an error column", async ({
  page,
}) => {
  await openMessyExport(page, "download");
  const errorsDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the errors as CSV" }).click();
  const errorsFile = await errorsDownload;
  expect(errorsFile.suggestedFilename()).toBe("messy-crm-export-errors.csv");
  const errorsCsv = fs.readFileSync((await errorsFile.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = errorsCsv.trim().split(/\r\n/);
  expect(lines[0]).toBe("row,column,value,message");
  expect(lines.find((l) => l.startsWith("3,Base Pay,abc,"))).toContain("is not an amount");
  expect(lines.find((l) => l.startsWith("4,Sales Role,martian,"))).toBeTruthy();

  const fileDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the file with an error column" }).click();
  const annotated = await fileDownload;
  expect(annotated.suggestedFilename()).toBe("messy-crm-export-with-errors.csv");
  const rows = fs
    .readFileSync((await annotated.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/);
  expect(rows[0]).toBe("Colleague,Sales Role,Segment,Base Pay,% to Quota,Dials,Errors");
  expect(rows[1]).toBe('Ana Ruiz,Inside Sales,SMB,"$42,833.00",104%,420,');
  expect(rows[2]).toMatch(/^Ben Ode,Field,Enterprise,abc,92%,510,"?Base Pay: .*is not an amount/);
  expect(rows[3]).toMatch(/^Cy Lin,martian,.*,"?Sales Role: /);
});

test("cancelling an import half way leaves nothing saved", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = await signUpViaApi(page.request, {
    name: "Cancel",
    email: uniqueEmail("cancel"),
    org: "Cancel Co",
  });
  const lines = ["name,role,calls,quota_attainment,base_salary"];
  for (let i = 0; i < 100_000; i++)
    lines.push(
      `Rep ${i},${["inside", "outside", "hybrid"][i % 3]},${i % 400},${70 + (i % 60)}%,${40000 + i}`,
    );
  await page.goto(`/o/${slug}/imports/new`);
  await page.setInputFiles("input[type=file]", {
    name: "big.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(lines.join("\n")),
  });
  await page.getByRole("button", { name: "Import 100,000 reps" }).click({ timeout: 60_000 });

  // Past the upload, while rows are being checked and staged inside the import's transaction.
  await expect(page.getByTestId("upload-progress")).toBeVisible();
  await expect(page.getByTestId("checked-progress")).toContainText(/[1-9][\d,]* of 100,000/, {
    timeout: 60_000,
  });
  await page.getByRole("button", { name: "Cancel import" }).click();
  await expect(page.getByTestId("import-notice")).toHaveText("Import cancelled. Nothing was saved.");
  await expect(page.getByRole("button", { name: "Import 100,000 reps" })).toBeVisible();

  // The server rolls the import back: no snapshot appears, now or once it would have finished.
  for (let i = 0; i < 15; i++) {
    expect(await snapshotsOf(page.request, slug)).toEqual([]);
    await page.waitForTimeout(1_000);
  }
});
