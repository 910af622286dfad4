import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, detectDialect, readRecords } from "@/lib/csv";
import { isBlankRecord } from "@/lib/csv/parse";

/**
 * csv-spectrum (npm, max-mapper/csv-spectrum): CSV files and the JSON each must parse to. Run through our
 * parse layer: decode bytes → detect dialect → Papa-backed record reader → objects keyed by header.
 */
const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve("csv-spectrum/package.json"));
const names = fs
  .readdirSync(path.join(root, "csvs"))
  .filter((f) => f.endsWith(".csv"))
  .map((f) => f.slice(0, -4))
  .sort();

function parseToObjects(bytes: Uint8Array): Record<string, string>[] {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new Error(decoded.error.message);
  const dialect = detectDialect(decoded.text);
  let header: string[] | null = null;
  const rows: Record<string, string>[] = [];
  for (const record of readRecords(decoded.text, dialect)) {
    if (isBlankRecord(record.cells)) continue;
    if (header === null) {
      header = record.cells;
      continue;
    }
    const keys = header;
    rows.push(Object.fromEntries(keys.map((key, i) => [key, record.cells[i] ?? ""])));
  }
  return rows;
}

function expected(name: string): Record<string, string>[] {
  const json: unknown = JSON.parse(fs.readFileSync(path.join(root, "json", `${name}.json`), "utf8"));
  // location_coordinates.json holds one object instead of an array (csv-spectrum issue #22).
  return (Array.isArray(json) ? json : [json]) as Record<string, string>[];
}

describe("csv-spectrum", () => {
  it("ships the twelve cases this suite expects", () => {
    expect(names).toHaveLength(12);
  });

  it.each(names.filter((n) => n !== "location_coordinates"))("%s parses to its JSON", (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(root, "csvs", `${name}.csv`)));
    expect(parseToObjects(bytes)).toEqual(expected(name));
  });

  it("location_coordinates parses to its JSON except the fixture's known phone-number typo", () => {
    // The JSON says 1234567890 while the CSV holds 2095257564 (csv-spectrum issue #20, fix in PR #23);
    // every other field, including the U+FFFD characters, must match.
    const bytes = new Uint8Array(fs.readFileSync(path.join(root, "csvs", "location_coordinates.csv")));
    const [row] = parseToObjects(bytes);
    const [want] = expected("location_coordinates");
    expect(row).toEqual({ ...want, "Contact Phone Number": "2095257564" });
    expect(want?.["Contact Phone Number"]).toBe("1234567890");
  });
});
