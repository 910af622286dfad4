// `npm run bench:import [-- --build]`: the import as a user sees it, against the database's own floor.
//
// On a fresh PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres as
// admin) it generates a 100,000-row, 19-column team file and, BENCH_RUNS times (3), in turn:
//   - raw COPY: `COPY … FROM STDIN (FORMAT csv, HEADER)` of the file's own bytes into a plain table of 19 text
//     columns: no JavaScript parse, no validation, no row-level security. The floor.
//   - API: POST /api/v1/imports (text/csv, a read_write key) to the production server, started as `npm start`
//     starts it (scripts/cluster.mjs, WEB_CONCURRENCY=1 so one process holds the import), running as the app role
//     under row-level security; timed from the first byte sent to the 201 answer read.
//   - service: the same import service called in this process (parse, validate, write), without HTTP.
// Each run's file differs in content (same size), so no import is refused as a duplicate. Then it uploads a file
// of about 20 MB (BENCH_BIG_MB, within the 20 MiB limit) through the API and samples the server process's RSS
// every 5 ms: the peak above its idle RSS just before. Prints a table; the database is dropped at the end.
// Builds first when the build is missing or with --build. BENCH_ROWS, BENCH_PORT (3188) change the rest.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client";
import { createVerifiedAccount } from "../src/server/auth/signup";
import { generateApiKey } from "../src/server/apikeys/keys";
import { importTeam } from "../src/server/imports/import-team";
import { organizations } from "../src/server/db/schema";
import { generateTeamCsv } from "./lib/team-file";
import { buildApp, SERVER_ENTRY } from "./app-build.mjs";

const ROOT = process.cwd();
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3188);
const BIG_BYTES = Number(process.env.BENCH_BIG_MB ?? 19.9) * 1024 * 1024;
const COLUMNS = 19;

let server: ChildProcess | null = null;

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

async function startServer(databaseUrl: string, logFile: string) {
  const log = fs.openSync(logFile, "w");
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=bench-results", profiles the server.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  server = spawn(
    process.execPath,
    [
      ...nodeArgs,
      path.join(ROOT, "scripts", "cluster.mjs"),
      SERVER_ENTRY,
      "-p",
      String(PORT),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", log, log],
      env: childEnv({
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        WEB_CONCURRENCY: "1",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        SEED_DEMO: "false",
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "salesmix-bench-import-")),
      }),
    },
  );
  fs.closeSync(log);
  const base = `http://127.0.0.1:${PORT}`;
  const started = performance.now();
  for (;;) {
    if (!server || server.exitCode !== null) throw new Error(`the server exited; see ${logFile}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 60_000) throw new Error("/api/health did not answer 200 within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return base;
}

async function stopServer() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The worker process of the cluster (the one that serves requests): the server's only child. */
function workerPid(): number {
  const primary = server?.pid;
  if (!primary) throw new Error("no server");
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      if (ppid === primary) return Number(pid);
    } catch {
      // gone meanwhile
    }
  }
  return primary;
}

/** CPU time (user + system) of a process in ms, from /proc (USER_HZ = 100). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU ms of the PostgreSQL backends serving database `name` (their command line names it). */
function postgresCpuMs(name: string): number {
  let total = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(name)) total += cpuMs(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

async function postImport(base: string, key: string, bytes: Buffer, label: string) {
  const url = `${base}/api/v1/imports?as_of=2026-11-01&period=Bench&file_name=${label}.csv`;
  const t = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "text/csv" },
    body: new Uint8Array(bytes),
  });
  const body = await res.text();
  const ms = performance.now() - t;
  if (res.status !== 201) throw new Error(`import answered ${res.status}: ${body.slice(0, 500)}`);
  return { ms, rows: (JSON.parse(body) as { rowCount: number }).rowCount };
}

/** A file of about `targetBytes` with ROWS rows: the title padded so each row is long enough. */
function fileOfSize(targetBytes: number, offset: number) {
  const plain = generateTeamCsv(ROWS, { offset });
  const pad = Math.max(0, Math.floor((targetBytes - plain.length) / ROWS));
  return generateTeamCsv(ROWS, { offset, titlePad: pad });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = `salesmix_bench_import_${randomBytes(3).toString("hex")}`;
  if (process.argv.includes("--build") || !fs.existsSync(SERVER_ENTRY)) {
    console.info("Building the production app (npm run build)…");
    if (buildApp(childEnv({})) !== 0) throw new Error("the build failed");
  }
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const direct = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const handle = await openDatabase({ url: url.toString(), max: 4, role: "salesmix_app" });
    await handle.migrate();
    const { user, organization } = await createVerifiedAccount(handle.db, {
      name: "Bench",
      email: `bench-${randomBytes(3).toString("hex")}@example.com`,
      password: "bench-password",
      organizationName: "Bench Org",
    });
    const apiKey = generateApiKey();
    await direct`insert into api_keys (organization_id, name, scope, prefix, key_hash, created_by)
      values (${organization.id}, 'Bench', 'read_write', ${apiKey.prefix}, ${apiKey.keyHash}, ${user.id})`;
    await direct.unsafe(
      `create table copy_baseline (${Array.from({ length: COLUMNS }, (_, i) => `c${i + 1} text`).join(", ")})`,
    );

    const files = Array.from({ length: RUNS }, (_, run) => generateTeamCsv(ROWS, { offset: 1 + run }));
    const fileBytes = files[0]!.length;
    console.info(
      `File: ${ROWS.toLocaleString("en-US")} rows, ${COLUMNS} columns, ${mb(fileBytes)} (${fileBytes.toLocaleString("en-US")} bytes). Node ${process.version}, ${os.availableParallelism()} CPUs.`,
    );

    const base = await startServer(url.toString(), path.join(os.tmpdir(), `${name}-server.log`));
    // Warm-up: the server's first import loads and compiles the import code.
    await postImport(base, apiKey.key, generateTeamCsv(1_000, { offset: 999 }), "warm-up");

    // Peak memory of the server for a ~20 MB upload, above its idle RSS just before (after the warm-up only).
    const big = fileOfSize(BIG_BYTES, 7);
    const pid = workerPid();
    await new Promise((r) => setTimeout(r, 500));
    const idle = rssBytes(pid);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(pid));
    }, 5);
    const bigRun = await postImport(base, apiKey.key, big, "bench-20mb");
    clearInterval(sampler);
    peak = Math.max(peak, rssBytes(pid));
    console.info(
      `20 MB upload: ${mb(big.length)} (${big.length.toLocaleString("en-US")} bytes), ${bigRun.rows.toLocaleString("en-US")} rows through the API in ${seconds(bigRun.ms)}; server RSS idle ${mb(idle)}, peak ${mb(peak)}: +${mb(peak - idle)} above idle`,
    );
    const copyOnce = async (bytes: Uint8Array) => {
      await direct`truncate copy_baseline`;
      const cpuBefore = postgresCpuMs(name);
      const t = performance.now();
      const stream = await direct`copy copy_baseline from stdin with (format csv, header true)`.writable();
      await new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("finish", () => resolve());
        stream.end(bytes);
      });
      const ms = performance.now() - t;
      const cpu = postgresCpuMs(name) - cpuBefore;
      const [{ n } = { n: 0 }] = await direct<{ n: number }[]>`select count(*)::int as n from copy_baseline`;
      if (n !== ROWS) throw new Error(`COPY loaded ${n} rows`);
      return { ms, cpu };
    };

    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, organization.id));
    if (!org) throw new Error("org missing");
    const rows: { copy: number; api: number; service: number; copyCpu: number; apiCpu: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const bytes = files[run]!;
      const { ms: copy, cpu: copyCpu } = await copyOnce(bytes);
      const cpuBefore = cpuMs(pid);
      const pgBefore = postgresCpuMs(name);
      const api = await postImport(base, apiKey.key, bytes, `bench-${run}`);
      const apiCpu = cpuMs(pid) - cpuBefore;
      const apiPgCpu = postgresCpuMs(name) - pgBefore;
      if (api.rows !== ROWS) throw new Error(`the API imported ${api.rows} rows`);
      const t = performance.now();
      const result = await importTeam(handle.db, {
        organization: org,
        role: "owner",
        actor: { kind: "user", userId: user.id, label: user.email },
        bytes,
        options: { asOf: "2026-11-01", period: "Bench", fileName: "bench.csv", allowDuplicate: true },
      });
      const service = performance.now() - t;
      if (result.rowCount !== ROWS) throw new Error(`the service imported ${result.rowCount} rows`);
      rows.push({ copy, api: api.ms, service, copyCpu, apiCpu: apiCpu + apiPgCpu });
      console.info(
        `run ${run + 1}: raw COPY ${seconds(copy)} (PostgreSQL CPU ${seconds(copyCpu)}) | API ${seconds(api.ms)} = ${(api.ms / copy).toFixed(2)}× COPY (CPU: server ${seconds(apiCpu)} + PostgreSQL ${seconds(apiPgCpu)} = ${((apiCpu + apiPgCpu) / Math.max(copyCpu, 1)).toFixed(2)}× COPY's) | service ${seconds(service)} = ${(service / copy).toFixed(2)}× COPY | load average ${os.loadavg()[0]!.toFixed(2)}`,
      );
    }
    await handle.close();

    const m = (k: "copy" | "api" | "service" | "copyCpu" | "apiCpu") => median(rows.map((r) => r[k]));
    console.info(
      `Median of ${RUNS}: raw COPY ${seconds(m("copy"))}; API ${seconds(m("api"))} (${(m("api") / m("copy")).toFixed(2)}×); service ${seconds(m("service"))} (${(m("service") / m("copy")).toFixed(2)}×); CPU: API ${seconds(m("apiCpu"))} vs COPY ${seconds(m("copyCpu"))} (${(m("apiCpu") / Math.max(m("copyCpu"), 1)).toFixed(2)}×)`,
    );
  } finally {
    await stopServer();
    await direct.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch(async (e: unknown) => {
  console.error(e);
  await stopServer();
  process.exit(1);
});
