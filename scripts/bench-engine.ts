/**
 * Benchmark of the benchmark engine on a 1,000-rep team (and 10,000 for the one-pass summary).
 * Run: npx tsx scripts/bench-engine.ts
 * Prints the time per call (median and best of 15 batches, and CPU time); the goal is well under 1 ms per
 * team of 1,000 reps.
 */
import {
  analyzeTeam,
  classifySalesModel,
  computeGaps,
  computeTeamMetrics,
  metricsFromSummary,
  recommend,
  summarizeReps,
  whatIf,
} from "../src/lib/benchmarks";
import type { OrgProfile, Rep, RepRole } from "../src/lib/team/types";

/** Deterministic pseudo-random numbers (mulberry32) so every run measures the same team. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function makeTeam(size: number, seed: number): Rep[] {
  const next = random(seed);
  const roles: RepRole[] = ["inside", "outside", "hybrid"];
  const maybe = (value: number) => (next() < 0.05 ? null : Math.round(value));
  return Array.from({ length: size }, (_, i) => {
    const role = roles[Math.floor(next() * 3)] ?? "inside";
    const inside = role === "inside" ? 1 : role === "hybrid" ? 0.5 : 0;
    return {
      name: `Rep ${i + 1}`,
      email: `rep${i + 1}@example.com`,
      role,
      title: null,
      team: null,
      baseSalary: maybe(45_000 + 20_000 * (1 - inside) + next() * 10_000),
      ote: maybe(95_000 + 10_000 * (1 - inside) + next() * 20_000),
      annualQuota: maybe(400_000 + 150_000 * (1 - inside) + next() * 100_000),
      quotaAttainment: next() < 0.05 ? null : next() * 1.6,
      calls: maybe(200 + 100 * inside + next() * 100),
      voicemails: maybe(80 + next() * 40),
      emails: maybe(400 + next() * 200),
      socialTouches: maybe(40 + next() * 60),
      meetings: maybe(20 + next() * 20),
      dealsWon: maybe(5 + next() * 10),
      avgDealSize: maybe(10_000 + 30_000 * (1 - inside) + next() * 10_000),
      salesCycleDays: maybe(40 + 60 * (1 - inside) + next() * 30),
      decisionMakers: maybe(2 + 3 * (1 - inside) * next()),
      remoteSellingPct: next() < 0.05 ? null : next(),
    };
  });
}

/**
 * Time per call in 15 batches after a warm-up. Prints the median wall time (the figure to quote), the best
 * batch, and the median CPU time of this process, which leaves out time spent waiting for a busy machine.
 */
function timePerCall(label: string, callsPerBatch: number, run: () => unknown): number {
  let sink: unknown;
  for (let i = 0; i < callsPerBatch; i += 1) sink = run(); // warm-up
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let batch = 0; batch < 15; batch += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < callsPerBatch; i += 1) sink = run();
    wallMs.push((performance.now() - start) / callsPerBatch);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs.push((cpu.user + cpu.system) / 1000 / callsPerBatch);
  }
  if (sink === undefined) throw new Error(`${label} returned nothing`);
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const us = (ms: number) => (ms * 1000).toFixed(1).padStart(8);
  const wall = median(wallMs);
  console.log(
    `${label.padEnd(50)} median ${us(wall)} µs   best ${us(Math.min(...wallMs))} µs   cpu ${us(median(cpuMs))} µs`,
  );
  return wall;
}

const profile: OrgProfile = {
  annualRevenue: 120_000_000,
  employeeCount: 900,
  currency: "USD",
  typicalDealSize: 34_000,
  salesCycleDays: null,
  decisionMakers: null,
  customerEmployees: 250,
};

const team = makeTeam(1_000, 2020);
const bigTeam = makeTeam(10_000, 2017);
const summary = summarizeReps(team);
const metrics = metricsFromSummary(summary);
const gaps = computeGaps(metrics, profile);
const classification = classifySalesModel(profile, metrics);

console.log(`Node ${process.version}; team of ${team.length} reps`);
timePerCall("summarizeReps (1,000 reps, one pass)", 300, () => summarizeReps(team));
timePerCall("metricsFromSummary", 2_000, () => metricsFromSummary(summary));
const metricsMs = timePerCall("computeTeamMetrics (1,000 reps)", 300, () => computeTeamMetrics(team));
timePerCall("computeGaps", 2_000, () => computeGaps(metrics, profile));
timePerCall("classifySalesModel", 2_000, () => classifySalesModel(profile, metrics));
timePerCall("recommend", 2_000, () => recommend(metrics, profile, classification, gaps));
timePerCall("whatIf (from metrics)", 2_000, () =>
  whatIf(metrics, profile, { outsideToInside: 40, outsideToHybrid: 10 }),
);
const fullMs = timePerCall("analyzeTeam: rows → every item (1,000 reps)", 300, () =>
  analyzeTeam(team, profile),
);
timePerCall("summarizeReps (10,000 reps, one pass)", 30, () => summarizeReps(bigTeam));
timePerCall("analyzeTeam from a summary (any team size)", 2_000, () => analyzeTeam(summary, profile));

const verdict = fullMs < 1 ? "under" : "OVER";
console.log(
  `\nPer team of 1,000 reps (median): metrics ${(metricsMs * 1000).toFixed(0)} µs, everything ${(fullMs * 1000).toFixed(0)} µs (${verdict} 1 ms).`,
);
