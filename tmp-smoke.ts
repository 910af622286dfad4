import { analyzeTeamCsv, iterateTeamRows, repsToCsv } from "@/lib/csv";
import type { Rep } from "@/lib/team/types";
const reps: Rep[] = Array.from({ length: 100_000 }, (_, i) => ({
  name: `Rep ${i}, Jr.`, email: `rep${i}@acme.com`, role: (["inside","outside","hybrid"] as const)[i % 3]!,
  title: "Account Executive", team: i % 2 ? "EMEA Mid-Market" : "NA \"Enterprise\"",
  baseSalary: 40000 + (i % 50000), ote: 90000 + (i % 50000), annualQuota: 1_200_000, quotaAttainment: (i % 150) / 100,
  calls: i % 900, voicemails: i % 90, emails: i % 2000, socialTouches: i % 70, meetings: i % 40, dealsWon: i % 12,
  avgDealSize: 28500.5, salesCycleDays: 64, decisionMakers: 3.5, remoteSellingPct: (i % 100) / 100,
}));
const bytes = new TextEncoder().encode(repsToCsv(reps));
for (let k = 0; k < 2; k++) {
let t = performance.now();
const r = analyzeTeamCsv(bytes);
console.log("analyze ms", Math.round(performance.now() - t), r.ok && r.preview.validCount);
if (r.ok && r.preview.plan) {
  t = performance.now(); let n = 0;
  for (const x of iterateTeamRows(bytes, r.preview.plan)) if ("rep" in x) n++;
  console.log("iterate ms", Math.round(performance.now() - t), n);
}}
