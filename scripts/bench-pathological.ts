// `npm run bench:pathological`: how long the CSV preview (decode, dialect, header matching, every value reader,
// validation: analyzeTeamCsv, what an upload runs first) takes on inputs built to make a careless parser slow,
// at 10 KB, 100 KB and 1 MB of the pathological run (tests/helpers/pathological.ts). A linear reader's time
// grows about tenfold from 100 KB to 1 MB; a quadratic one's a hundredfold. Prints a Markdown table: the best of
// BENCH_RUNS (3) runs per size, and the 1 MB / 100 KB ratio.
import { analyzeTeamCsv } from "../src/lib/csv";
import { PATHOLOGICAL_INPUTS, PATHOLOGICAL_SIZES } from "../tests/helpers/pathological";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const encoder = new TextEncoder();

function best(bytes: Uint8Array): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    analyzeTeamCsv(bytes);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const label = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);
const ms = (value: number) => (value < 10 ? value.toFixed(1) : String(Math.round(value)));

console.info(`| input | ${PATHOLOGICAL_SIZES.map(label).join(" | ")} | 1 MB / 100 KB |`);
console.info(`| --- | ${PATHOLOGICAL_SIZES.map(() => "---:").join(" | ")} | ---: |`);
let slowest = 0;
for (const input of PATHOLOGICAL_INPUTS) {
  const times = PATHOLOGICAL_SIZES.map((size) => best(encoder.encode(input.csv(size))));
  slowest = Math.max(slowest, ...times);
  const ratio = (times[2] ?? 0) / Math.max(times[1] ?? 0, 0.05);
  console.info(`| ${input.name} | ${times.map((t) => `${ms(t)} ms`).join(" | ")} | ${ratio.toFixed(1)} |`);
}
console.info(`\n${PATHOLOGICAL_INPUTS.length} inputs, best of ${runs} runs; slowest: ${ms(slowest)} ms.`);
