// `npm run bench:planner`: the planner's pure computation for a 10,000-rep team, as the planner page runs it on
// every tick: named candidates for the recommended move, capacity and cost before and after the preselected
// moves, and an 8-quarter plan. The team is built before timing starts; each run does the whole computation.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import {
  DEFAULT_ASSUMPTIONS,
  capacityAndCost,
  planFromRecommendation,
  type PlannerRep,
} from "../src/lib/planner";

const REPS = Number(process.env.BENCH_REPS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BUDGET_MS = 20;

function team(count: number): PlannerRep[] {
  const roles = ["outside", "outside", "inside", "hybrid"] as const;
  return Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    name: `Rep ${i}`,
    role: roles[i % roles.length]!,
    baseSalary: 40_000 + (i % 9_000),
    ote: 90_000 + (i % 20_000),
    annualQuota: 400_000 + (i % 50) * 20_000,
    quotaAttainment: 0.6 + (i % 70) / 100,
    dealsWon: 5 + (i % 40),
    avgDealSize: i % 11 === 0 ? null : 8_000 + ((i * 7919) % 60_000),
    salesCycleDays: 30 + (i % 120),
    decisionMakers: 1 + (i % 6),
    remoteSellingPct: (i % 100) / 100,
  }));
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1)! };
}

const reps = team(REPS);
const range = { low: 0.4, high: 0.55 };
const assumptions = {
  ...DEFAULT_ASSUMPTIONS,
  roles: {
    ...DEFAULT_ASSUMPTIONS.roles,
    inside: { ...DEFAULT_ASSUMPTIONS.roles.inside, hiresPerQuarter: 5 },
  },
};
const move = { direction: "outside_to_inside" as const, reps: Math.round(REPS * 0.1) };

const full: number[] = [];
const tick: number[] = [];
let sink = 0;
const WARMUP = 50;
let cpu = 0;
for (let i = 0; i < RUNS + WARMUP; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = planFromRecommendation(reps, move, assumptions, range);
  const t1 = performance.now();
  // A tick: one rep unticked, capacity recomputed (what the page does without the server).
  const after = capacityAndCost(reps, result.candidates.preselected.slice(1));
  const t2 = performance.now();
  const c1 = process.cpuUsage(c0);
  sink += result.plan.quarters.length + (after.total.capacity.value ?? 0);
  if (i >= WARMUP) {
    cpu += (c1.user + c1.system) / 1000;
    full.push(t1 - t0);
    tick.push(t2 - t1);
  }
}
const f = stats(full);
const t = stats(tick);
const line = (label: string, s: ReturnType<typeof stats>) =>
  `${label}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms over ${RUNS} runs`;
process.stdout.write(
  `${REPS} reps, ${move.reps} recommended moves, ${DEFAULT_ASSUMPTIONS.quarters} quarters (check ${sink > 0 ? "ok" : "?"})\n` +
    `${line("candidates + capacity before/after + plan", f)}\n${line("capacity after one tick", t)}\n` +
    `process CPU time per run (both steps): ${(cpu / RUNS).toFixed(2)} ms; load average ${loadavg()[0]?.toFixed(1)}\n`,
);
// Judged on the median: on a shared, loaded machine the tail is other processes, not this code (see the CPU time).
if (f.p50 > BUDGET_MS) {
  process.stderr.write(`p50 ${f.p50.toFixed(2)} ms is over the ${BUDGET_MS} ms budget\n`);
  process.exitCode = 1;
}
