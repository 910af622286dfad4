import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./helpers";

const fixture = (name: string) => path.join(__dirname, "../fixtures/e2e", name);

test("a messy export: fix a mapping, see the errors, import the valid rows, see the snapshot", async ({
  page,
}) => {
  const slug = await signUpViaApi(page.request, {
    name: "Rae Ops",
    email: uniqueEmail("revops"),
    org: "Messy Exports Inc",
  });
  await page.goto(`/o/${slug}/imports/new`);
  await expect(page.getByText("20 MB").first()).toBeVisible();
  await page.setInputFiles("input[type=file]", fixture("messy-crm-export.csv"));

  // "Colleague" is not a known header: the name field is unmapped and the import is blocked with that message.
  await expect(page.getByText(/No column is mapped to name/)).toBeVisible();
  await expect(page.getByTestId("unmapped")).toContainText("Colleague");
  await page.getByLabel("Field for column Colleague").selectOption("name");
  await expect(page.getByText(/No column is mapped to name/)).toHaveCount(0);

  // Aliases were recognised; the column rules are stated before saving.
  await expect(page.getByLabel("Field for column Sales Role")).toHaveValue("role");
  await expect(page.getByTestId("column-rules")).toContainText("% to Quota");
  await expect(page.getByTestId("read-summary")).toContainText("2 valid");

  // Every error names the row, the column as in the file, the value and what is wrong.
  const errors = page.getByTestId("errors");
  await expect(errors).toContainText("2 rows");
  await expect(errors.locator("tr", { hasText: "abc" })).toContainText("Base Pay");
  await expect(errors.locator("tr", { hasText: "abc" }).locator("td").first()).toHaveText("3");
  await expect(errors.locator("tr", { hasText: "martian" })).toContainText("Sales Role");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the errors as CSV" }).click();
  const csv = await (await download).path();
  expect(csv).toBeTruthy();

  await page.getByRole("button", { name: "Import the 2 valid rows only" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByTestId("kpi-reps-value")).toHaveText("2");

  await page.goto(`/o/${slug}/imports`);
  const row = page.getByTestId("snapshot-table").locator("tbody tr").first();
  await expect(row).toContainText("messy-crm-export.csv");
  await expect(row).toContainText("2 rows skipped");
  await row.getByRole("link", { name: "View reps" }).click();
  await expect(page.getByTestId("reps-table")).toContainText("Ana Ruiz");
  await expect(page.getByTestId("reps-table")).toContainText("Dee Park");
  await expect(page.getByTestId("reps-table")).not.toContainText("Ben Ode");
});

test("a clean file lands on the dashboard; the same file again is recognised", async ({ page }) => {
  const slug = await signUpViaApi(page.request, {
    name: "Cal",
    email: uniqueEmail("clean"),
    org: "Clean Files Co",
  });
  await page.goto(`/o/${slug}/imports/new`);
  await page.setInputFiles("input[type=file]", fixture("clean-team.csv"));
  await page.getByRole("button", { name: "Import 5 reps" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByTestId("kpi-reps-value")).toHaveText("5");

  await page.goto(`/o/${slug}/imports/new`);
  await page.setInputFiles("input[type=file]", fixture("clean-team.csv"));
  await expect(page.getByText(/This exact file was already imported/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 5 reps" })).toBeDisabled();
});

test("a file over the limit is refused before it is read, with the limit in the message", async ({
  page,
}) => {
  const slug = await signUpViaApi(page.request, {
    name: "Big",
    email: uniqueEmail("big"),
    org: "Big Files Co",
  });
  await page.goto(`/o/${slug}/imports/new`);
  await page.setInputFiles("input[type=file]", {
    name: "huge.csv",
    mimeType: "text/csv",
    buffer: Buffer.alloc(21 * 1024 * 1024, 0x61),
  });
  await expect(page.getByText(/the limit is 20 MB/)).toBeVisible();
  await expect(page.getByTestId("mapping-table")).toHaveCount(0);
});
