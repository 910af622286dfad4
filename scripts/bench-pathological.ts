// `npm run bench:pathological`: how long the CSV preview (decode, dialect, header matching, every value reader,
// validation: analyzeTeamCsv, what an upload runs first) takes on inputs built to make a careless parser slow,
// at 10 KB, 100 KB and 1 MB of the pathological run (tests/helpers/pathological.ts). A linear reader's time
// grows about tenfold from 100 KB to 1 MB; a quadratic one's a hundredfold. Prints a Markdown table: per size the
// best of BENCH_RUNS (3) runs in CPU time of this process (what the work costs; on a shared machine wall time
// also counts the time other processes held the cores) and in wall time, and the 1 MB / 100 KB ratio of CPU time.
import { analyzeTeamCsv } from "../src/lib/csv";
import { PATHOLOGICAL_INPUTS, PATHOLOGICAL_SIZES } from "../tests/helpers/pathological";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const encoder = new TextEncoder();

function best(bytes: Uint8Array): { cpu: number; wall: number } {
  let cpu = Infinity;
  let wall = Infinity;
  for (let i = 0; i < runs; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    analyzeTeamCsv(bytes);
    wall = Math.min(wall, performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { cpu, wall };
}

const label = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);
const ms = (value: number) => (value < 10 ? value.toFixed(1) : String(Math.round(value)));

console.info(
  `| input | ${PATHOLOGICAL_SIZES.map((s) => `${label(s)}: CPU (wall)`).join(" | ")} | 1 MB / 100 KB (CPU) |`,
);
console.info(`| --- | ${PATHOLOGICAL_SIZES.map(() => "---:").join(" | ")} | ---: |`);
let slowest = 0;
for (const input of PATHOLOGICAL_INPUTS) {
  const times = PATHOLOGICAL_SIZES.map((size) => best(encoder.encode(input.csv(size))));
  slowest = Math.max(slowest, ...times.map((t) => t.cpu));
  // CPU time is counted in steps of a millisecond or more: the ratio is of at least 1 ms.
  const ratio = (times[2]?.cpu ?? 0) / Math.max(times[1]?.cpu ?? 0, 1);
  console.info(
    `| ${input.name} | ${times.map((t) => `${ms(t.cpu)} ms (${ms(t.wall)})`).join(" | ")} | ${ratio.toFixed(1)} |`,
  );
}
console.info(
  `\n${PATHOLOGICAL_INPUTS.length} inputs, best of ${runs} runs; slowest: ${ms(slowest)} ms of CPU.`,
);
