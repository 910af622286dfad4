// `npm run bench:csv-parsers`: the three CSV parsers considered for the importer, on the benchmark's own
// 100,000-row, 19-column team file (scripts/lib/team-file.ts): time to split the decoded text into rows of string
// cells, best of BENCH_RUNS (5), and whether each keeps what the importer has to report: a row's own cell count
// (a row with too few or too many cells), an unclosed quote and a stray quote inside a quoted value.
import Papa from "papaparse";
import { parse as csvParse } from "csv-parse/sync";
import { inferSchema, initParser } from "udsv";
import { readRecords } from "../src/lib/csv/parse";
import { generateTeamCsv } from "./lib/team-file";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const text = new TextDecoder().decode(
  generateTeamCsv(Number(process.env.BENCH_ROWS ?? 100_000), { offset: 1 }),
);

type Parse = (csv: string) => string[][];
const parsers: Record<string, Parse> = {
  "Papa Parse 5 (as the importer reads: 64 K chunks)": (csv) => {
    const rows: string[][] = [];
    for (const record of readRecords(csv, { delimiter: ",", newline: "\n", sepLine: false }))
      rows.push(record.cells);
    return rows;
  },
  "Papa Parse 5 (whole text at once)": (csv) =>
    Papa.parse<string[]>(csv, { delimiter: ",", newline: "\n" }).data,
  uDSV: (csv) => [
    // uDSV skips the header row it inferred the schema from.
    [],
    ...initParser(inferSchema(csv, { col: ",", row: "\n" })).stringArrs(csv),
  ],
  "csv-parse (sync)": (csv) => csvParse(csv, { relax_column_count: true, relax_quotes: true }) as string[][],
};

/** What the importer must be able to tell, each as CSV text and a check of the rows a parser gave for it. */
const cases: [string, string, (rows: string[][]) => boolean][] = [
  [
    "keeps each row's cell count",
    "a,b,c\n1,2,3\n1,2\n1,2,3,4\n",
    (rows) => rows[2]?.length === 2 && rows[3]?.length === 4,
  ],
  ["keeps a row after an unclosed quote as its content", 'a,b\n"x,1\n2,3\n', (rows) => rows.length === 2],
  ["keeps the text of a stray quote", 'a,b\nx"y"z,1\n', (rows) => rows[1]?.[0] === 'x"y"z'],
];

const ms = (value: number) => `${value.toFixed(0)} ms`;
console.info(
  `| parser | ${text.length.toLocaleString("en-US")} characters, best of ${runs} | ${cases.map((c) => c[0]).join(" | ")} |`,
);
console.info(`| --- | ---: | ${cases.map(() => ":---:").join(" | ")} |`);
for (const [name, parse] of Object.entries(parsers)) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    parse(text);
    best = Math.min(best, performance.now() - started);
  }
  const checks = cases.map(([, csv, check]) => {
    try {
      return check(parse(csv)) ? "yes" : "no";
    } catch (e) {
      return `no (throws: ${e instanceof Error ? e.message.slice(0, 40) : "error"})`;
    }
  });
  console.info(`| ${name} | ${ms(best)} | ${checks.join(" | ")} |`);
}
