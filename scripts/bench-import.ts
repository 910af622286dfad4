// `npm run bench:import`: generates a 100,000-row team file, imports it through the real import service into
// PostgreSQL (BENCH_DATABASE_URL, default a fresh database on postgres://postgres@127.0.0.1:5432), then loads
// the same rows with COPY into a plain table, and prints rows/s for both and the ratio.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client";
import { signUp } from "../src/server/auth/signup";
import { importTeam } from "../src/server/imports/import-team";
import { organizations } from "../src/server/db/schema";
import { analyzeTeamCsv, iterateTeamRows } from "../src/lib/csv";
import { generateTeamCsv } from "./lib/team-file";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

async function main() {
  const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const name = `salesmix_bench_${randomBytes(3).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: 4 });
  try {
    await handle.migrate();
    const bytes = generateTeamCsv(ROWS);
    console.info(
      `Generated ${ROWS.toLocaleString("en-US")} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB).`,
    );
    const { user, organization } = await signUp(handle.db, {
      name: "Bench",
      email: `bench-${randomBytes(3).toString("hex")}@example.com`,
      password: "bench-password",
      organizationName: "Bench Org",
    });
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, organization.id));
    if (!org) throw new Error("org missing");

    const memBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const result = await importTeam(handle.db, {
      organization: org,
      role: "owner",
      actor: { kind: "user", userId: user.id, label: user.email },
      bytes,
      options: { asOf: "2026-11-01", period: "Bench", fileName: "bench.csv" },
    });
    const importMs = performance.now() - t0;
    const memAfter = process.memoryUsage().rss;

    // Baseline: the same parsed rows, COPY'd into a plain table with the same columns (no RLS, no validation).
    const analysis = analyzeTeamCsv(bytes);
    if (!analysis.ok || !analysis.preview.plan) throw new Error("bench file did not parse");
    const direct = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await direct.unsafe(`create table copy_baseline (like reps including defaults)`);
    const t1 = performance.now();
    const tsv: string[] = [];
    for (const r of iterateTeamRows(bytes, analysis.preview.plan)) {
      if (!("rep" in r)) continue;
      const p = r.rep;
      const cells = [
        org.id,
        result.snapshotId,
        r.row,
        p.name,
        p.email,
        p.role,
        p.title,
        p.team,
        p.baseSalary,
        p.ote,
        p.annualQuota,
        p.quotaAttainment,
        p.calls,
        p.voicemails,
        p.emails,
        p.socialTouches,
        p.meetings,
        p.dealsWon,
        p.avgDealSize,
        p.salesCycleDays,
        p.decisionMakers,
        p.remoteSellingPct,
      ];
      tsv.push(cells.map((c) => (c === null || c === undefined ? "\\N" : String(c))).join("\t"));
    }
    const stream = await direct`copy copy_baseline from stdin`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", () => resolve());
      stream.end(tsv.join("\n") + "\n");
    });
    const copyMs = performance.now() - t1;
    await direct.end();

    const rate = (ms: number) => Math.round((result.rowCount / ms) * 1000);
    console.info(
      `Import service: ${result.rowCount.toLocaleString("en-US")} rows in ${(importMs / 1000).toFixed(2)} s = ${rate(importMs).toLocaleString("en-US")} rows/s (parse, validate, insert, summary, audit; RSS +${Math.round((memAfter - memBefore) / 1024 / 1024)} MB)`,
    );
    console.info(
      `COPY baseline:  ${result.rowCount.toLocaleString("en-US")} rows in ${(copyMs / 1000).toFixed(2)} s = ${rate(copyMs).toLocaleString("en-US")} rows/s (parse + COPY into a plain table)`,
    );
    console.info(`Ratio: import takes ${(importMs / copyMs).toFixed(2)}× the time of COPY`);
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
