// `NODE_OPTIONS=--conditions=react-server npx tsx scripts/bench-sweep.ts`: times the daily reminder sweep
// (src/server/notify/reminders.ts) over BENCH_ORGS organizations on PostgreSQL, as the app's ordinary role.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client";
import { reminderSweepJob } from "../src/server/notify/reminders";

const ORGS = Number(process.env.BENCH_ORGS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

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
    await handle.db.execute(
      sql`insert into organizations (slug, name) select 'bench-' || g, 'Bench ' || g from generate_series(1, ${ORGS}) g`,
    );
    for (let run = 1; run <= RUNS; run++) {
      const t0 = performance.now();
      await reminderSweepJob(handle.db);
      const ms = performance.now() - t0;
      console.log(
        `run ${run}: ${ORGS} organizations in ${ms.toFixed(0)} ms (${(ms / ORGS).toFixed(2)} ms per organization)`,
      );
    }
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  }
}

void main();
