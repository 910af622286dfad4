// `npm run bench:report`: imports a 10,000-rep team into PostgreSQL and times the overview report (the service
// behind the dashboard and GET /api/v1/report), unfiltered and filtered by team.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client";
import { createVerifiedAccount } from "../src/server/auth/signup";
import { importTeam } from "../src/server/imports/import-team";
import { getReport } from "../src/server/reports/report";
import { organizations } from "../src/server/db/schema";

const REPS = Number(process.env.BENCH_REPS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

function team(rows: number) {
  const lines = [
    "name,role,team,base_salary,ote,quota_attainment,calls,voicemails,emails,social_touches,avg_deal_size",
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `Rep ${i},${["inside", "outside", "hybrid"][i % 3]},Team ${i % 20},${40000 + (i % 9000)},${90000 + (i % 20000)},${60 + (i % 70)}%,${200 + (i % 300)},${i % 90},${500 + (i % 600)},${i % 80},${8000 + (i % 30000)}`,
    );
  }
  return Buffer.from(lines.join("\n"));
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s.at(-1)!.toFixed(1)} ms over ${s.length} runs`;
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const name = `salesmix_bench_${randomBytes(3).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: 4, role: "salesmix_app" });
  try {
    await handle.migrate();
    const { user, organization } = await createVerifiedAccount(handle.db, {
      name: "Bench",
      email: `bench-${randomBytes(3).toString("hex")}@example.com`,
      password: "bench-password",
      organizationName: "Bench Org",
    });
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, organization.id));
    await importTeam(handle.db, {
      organization: { ...org!, annualRevenue: 30_000_000 },
      role: "owner",
      actor: { kind: "user", userId: user.id, label: user.email },
      bytes: team(REPS),
      options: { asOf: "2026-11-01", period: "Bench", fileName: "bench.csv" },
    });
    const orgRow = { ...org!, annualRevenue: 30_000_000 };
    for (const [label, filter] of [
      ["overview (all reps)", {}],
      ["overview filtered by one team", { team: "Team 3" }],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const t = performance.now();
        const report = await getReport(handle.db, orgRow, { filter });
        if (!report) throw new Error("no report");
        if (i >= 5) times.push(performance.now() - t);
      }
      console.info(`${label}, ${REPS.toLocaleString("en-US")}-rep snapshot: ${stats(times)}`);
    }
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
