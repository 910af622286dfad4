// `npm run bench:load [-- --build] [-- --duration 5]`: HTTP load test of the production build on PostgreSQL.
// Creates a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres as admin),
// migrates it, seeds 1,000 organizations of 100 reps and one of 10,000 (each with an owner, a completed upload
// and an API key), starts the production server on it (as `npm start` does), signs in a sample of owners over HTTP, and drives each scenario
// with autocannon. Prints a table and writes bench-results/load-<date>.json; the database is dropped at the end.
// Builds first (`npm run build`) when the build is missing or with --build. Settings: BENCH_DURATION (seconds per scenario, 30),
// BENCH_CONNECTIONS (50), BENCH_SCENARIOS (e.g. "a,c"), BENCH_SESSIONS (signed-in owners, 50), BENCH_PORT (3177),
// BENCH_SERVER_NODE_ARGS (node flags for the server, e.g. "--cpu-prof"), WEB_CONCURRENCY (server processes, as for
// `npm start`: one per core by default).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon, { type AutocannonRequest, type AutocannonResult } from "autocannon";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "../src/server/db/client";
import { organizations, users } from "../src/server/db/schema";
import { hashPassword } from "../src/server/auth/password";
import { generateApiKey } from "../src/server/apikeys/keys";
import { importTeam } from "../src/server/imports/import-team";
import { generateTeamCsv } from "./lib/team-file";
import { buildApp, SERVER_ENTRY } from "./app-build.mjs";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const ROOT = process.cwd();
const BUILD = process.argv.includes("--build");
const DURATION = Number(flag("--duration") ?? process.env.BENCH_DURATION ?? 30);
const WARMUP = Math.min(3, DURATION);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ORGS = Number(process.env.BENCH_ORGS ?? 1_000);
const REPS_PER_ORG = Number(process.env.BENCH_REPS_PER_ORG ?? 100);
const BIG_REPS = Number(process.env.BENCH_BIG_REPS ?? 10_000);
const SESSIONS = Math.min(Number(process.env.BENCH_SESSIONS ?? 50), ORGS);
const PORT = Number(process.env.BENCH_PORT ?? 3177);
const PASSWORD = "load-test-password";
const TARGET_P95_MS = 50;

const userEmail = (i: number) => `load-${i}@example.com`;
const orgSlug = (i: number) => `load-org-${i}`;
const BIG = ORGS + 1; // the number of the 10,000-rep organization and its owner

/** A team file in the product's CSV format, varied by `offset`. */
function teamCsv(rows: number, offset: number) {
  return generateTeamCsv(rows, { offset, teams: 20, domain: "load.example" });
}

// ---------------------------------------------------------------------------------------------------------------
// Clean-up: the server and the database go away on success, failure and Ctrl-C alike.

let server: ChildProcess | null = null;
let handle: DatabaseHandle | null = null;
let owner: postgres.Sql | null = null;
let admin: postgres.Sql | null = null;
let dbName: string | null = null;
let cleaning: Promise<void> | null = null;

async function stopServer() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopServer().catch(() => {});
    await handle?.close().catch(() => {});
    await owner?.end({ timeout: 5 }).catch(() => {});
    if (admin && dbName) {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((e: unknown) => {
        console.error(`Could not drop database ${dbName}:`, e);
      });
      console.info(`Dropped database ${dbName}.`);
    }
    await admin?.end({ timeout: 5 }).catch(() => {});
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and dropping the database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding: two files through the real import service, everything else set-based.

interface Seeded {
  apiKeys: string[];
  timings: Record<string, number>;
  counts: Record<string, number>;
}

async function timed<T>(timings: Record<string, number>, label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await fn();
  timings[label] = Math.round(performance.now() - t);
  console.info(`  ${label}: ${(timings[label] / 1000).toFixed(2)} s`);
  return result;
}

async function seed(db: DatabaseHandle, sql: postgres.Sql): Promise<Seeded> {
  const timings: Record<string, number> = {};
  const passwordHash = await timed(timings, "password hash (argon2id, once)", () => hashPassword(PASSWORD));

  await timed(timings, "users, organizations, owner memberships", async () => {
    await sql`
      insert into users (email, name, password_hash, email_verified_at)
      select 'load-' || i || '@example.com', 'Load Owner ' || i, ${passwordHash}, now()
      from generate_series(1, ${BIG}) as i`;
    // Revenue cycles through the small, mid and large bands; the big org is mid-sized.
    await sql`
      insert into organizations (slug, name, annual_revenue, employee_count)
      select 'load-org-' || i, 'Load Org ' || i,
             case when i = ${BIG} then 300000000 else (array[8e6, 30e6, 120e6, 750e6])[1 + i % 4] end,
             case when i = ${BIG} then 12000 else 150 + i % 400 end
      from generate_series(1, ${BIG}) as i`;
    await sql`
      insert into memberships (organization_id, user_id, role)
      select o.id, u.id, 'owner'
      from generate_series(1, ${BIG}) as i
      join organizations o on o.slug = 'load-org-' || i
      join users u on u.email = 'load-' || i || '@example.com'`;
  });

  const importFor = async (i: number, rows: number) => {
    const [org] = await db.db
      .select()
      .from(organizations)
      .where(eq(organizations.slug, orgSlug(i)));
    const [user] = await db.db
      .select()
      .from(users)
      .where(eq(users.email, userEmail(i)));
    if (!org || !user) throw new Error(`organization ${i} was not seeded`);
    return importTeam(db.db, {
      organization: org,
      role: "owner",
      actor: { kind: "user", userId: user.id, label: user.email },
      bytes: teamCsv(rows, i),
      options: { asOf: "2026-10-31", period: "Last 30 days", fileName: `team-${i}.csv` },
    });
  };
  const template = await timed(timings, `import ${REPS_PER_ORG} reps (import service)`, () =>
    importFor(1, REPS_PER_ORG),
  );
  await timed(timings, `import ${BIG_REPS.toLocaleString("en-US")} reps (import service)`, () =>
    importFor(BIG, BIG_REPS),
  );

  // Organizations 2…ORGS get a copy of organization 1's upload: snapshot row (with its stored summary) and reps.
  await timed(timings, `copy the ${REPS_PER_ORG}-rep upload to ${ORGS - 1} organizations`, async () => {
    await sql`
      insert into team_snapshots (organization_id, as_of, period, file_name, content_hash, row_count,
        skipped_row_count, status, encoding, mapping, summary, created_by, completed_at)
      select o.id, t.as_of, t.period, t.file_name, t.content_hash, t.row_count, t.skipped_row_count, t.status,
             t.encoding, t.mapping, t.summary, m.user_id, t.completed_at
      from generate_series(2, ${ORGS}) as i
      join organizations o on o.slug = 'load-org-' || i
      join memberships m on m.organization_id = o.id
      cross join team_snapshots t
      where t.id = ${template.snapshotId}`;
    await sql`
      insert into reps (organization_id, snapshot_id, row_number, name, email, role, title, team, base_salary, ote,
        annual_quota, quota_attainment, calls, voicemails, emails, social_touches, meetings, deals_won,
        avg_deal_size, sales_cycle_days, decision_makers, remote_selling_pct)
      select s.organization_id, s.id, r.row_number, r.name, r.email, r.role, r.title, r.team, r.base_salary,
             r.ote, r.annual_quota, r.quota_attainment, r.calls, r.voicemails, r.emails, r.social_touches,
             r.meetings, r.deals_won, r.avg_deal_size, r.sales_cycle_days, r.decision_makers,
             r.remote_selling_pct
      from team_snapshots s
      join reps r on r.snapshot_id = ${template.snapshotId}
      where s.id <> ${template.snapshotId} and s.content_hash = ${template.contentHash}`;
  });

  // One read key per organization, made like the product makes them: only the SHA-256 is stored.
  const keys = Array.from({ length: BIG }, () => generateApiKey());
  await timed(timings, `API keys (${BIG.toLocaleString("en-US")})`, async () => {
    const rows = keys.map((k, i) => ({ n: i + 1, prefix: k.prefix, key_hash: k.keyHash }));
    await sql`
      insert into api_keys (organization_id, name, scope, prefix, key_hash, created_by)
      select o.id, 'Load test', 'read', x.prefix, x.key_hash, m.user_id
      from json_to_recordset(${sql.json(rows)}::json) as x(n int, prefix text, key_hash text)
      join organizations o on o.slug = 'load-org-' || x.n
      join memberships m on m.organization_id = o.id`;
  });
  await timed(timings, "vacuum analyze", () => sql`vacuum analyze`.then(() => undefined));

  const [counts] = await sql<
    { organizations: number; users: number; snapshots: number; reps: number; api_keys: number }[]
  >`
    select (select count(*)::int from organizations) as organizations, (select count(*)::int from users) as users,
           (select count(*)::int from team_snapshots where status = 'completed') as snapshots,
           (select count(*)::int from reps) as reps, (select count(*)::int from api_keys) as api_keys`;
  return { apiKeys: keys.map((k) => k.key), timings, counts: { ...counts! } };
}

// ---------------------------------------------------------------------------------------------------------------
// The server.

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** The child processes run the normal Next.js build: without tsx's react-server condition. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

function buildIfNeeded() {
  if (!BUILD && fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(SERVER_ENTRY)) return;
  console.info("Building the production app (npm run build)…");
  const status = buildApp(childEnv({}));
  if (status !== 0) throw new Error(`the build failed (exit ${status})`);
}

async function startServer(databaseUrl: string, port: number, logFile: string) {
  const log = fs.openSync(logFile, "w");
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=bench-results", profiles the server.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  // The server runs as `npm start` runs it: scripts/cluster.mjs, one process per core unless WEB_CONCURRENCY says.
  const entry = [
    path.join(ROOT, "scripts", "cluster.mjs"),
    SERVER_ENTRY,
    "-p",
    String(port),
    "-H",
    "127.0.0.1",
  ];
  server = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: childEnv({
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SEED_DEMO: "false",
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "salesmix-load-")),
      // Every sign-in of the benchmark comes from one address: the per-IP limit would be what is measured.
      SIGNIN_IP_LIMIT_PER_15_MIN: "1000000",
    }),
  });
  fs.closeSync(log);
  const started = performance.now();
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (!server || server.exitCode !== null) {
      throw new Error(
        `the server exited during start-up; see ${logFile}:\n${fs.readFileSync(logFile, "utf8")}`,
      );
    }
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 60_000) throw new Error(`/api/health did not answer 200 within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.info(`Server ready on ${base} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return base;
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-in over HTTP, as a browser does it: CSRF token, then the credentials callback.

interface Csrf {
  token: string;
  cookie: string;
}

function cookiePairs(res: Response, prefix: string) {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.startsWith(prefix));
}

async function getCsrf(base: string): Promise<Csrf> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookiePairs(res, "authjs.csrf-token").join("; ") };
}

function signInBody(email: string, csrf: Csrf) {
  return new URLSearchParams({
    email,
    password: PASSWORD,
    csrfToken: csrf.token,
    callbackUrl: "/",
  }).toString();
}

const signInHeaders = (csrf: Csrf) => ({
  "content-type": "application/x-www-form-urlencoded",
  cookie: csrf.cookie,
  // Auth.js then answers 200 with {url} instead of a redirect; a failed sign-in's url carries `error=`.
  "x-auth-return-redirect": "1",
});

async function signIn(base: string, csrf: Csrf, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: signInHeaders(csrf),
    body: signInBody(email, csrf),
    redirect: "manual",
  });
  const body = await res.text();
  const session = cookiePairs(res, "authjs.session-token");
  if (!res.ok || body.includes("error=") || session.length === 0) {
    throw new Error(`sign-in of ${email} failed: ${res.status} ${body}`);
  }
  return session.join("; ");
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios.

interface Scenario {
  name: string;
  /** Counted against the report target (p95 under 50 ms). */
  report: boolean;
  /** A fresh request each time (rotating account, organization or key). */
  next: () => AutocannonRequest;
  /** What a correct answer contains; anything else is counted as a failed check. */
  verify: (body: string) => boolean;
}

const trpcGet = (procedure: string, input?: unknown) =>
  `/api/trpc/${procedure}` +
  (input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

interface Row {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  failedChecks: number;
  /** CPU ms per completed request (Linux only): the Next.js server, PostgreSQL, autocannon, everything. */
  cpuMsPerRequest: { server: number; postgres: number; generator: number; machine: number };
  /** Busy share of all cores during the run (1 = every core busy). */
  machineBusy: number;
  loadAverage: number[];
}

/**
 * CPU time in ms (Linux /proc; 0 elsewhere): of the server process, of the PostgreSQL backends serving the
 * benchmark database, of this process (the load generator), and of the whole machine (busy, all cores).
 */
function cpuSample() {
  const ticks = (pid: string | number) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, USER_HZ = 100
    } catch {
      return 0;
    }
  };
  const parent = (pid: string) => {
    try {
      return Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    } catch {
      return 0;
    }
  };
  let postgresMs = 0;
  let serverMs = server?.pid ? ticks(server.pid) : 0;
  try {
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        // The server's worker processes (scripts/cluster.mjs) are its children.
        if (server?.pid && parent(pid) === server.pid) serverMs += ticks(pid);
        else if (dbName && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dbName))
          postgresMs += ticks(pid);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  let machineBusyMs = 0;
  try {
    const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1, 9).map(Number);
    machineBusyMs = (cpu.reduce((a, b) => a + b, 0) - cpu[3]! - cpu[4]!) * 10; // all but idle and iowait
  } catch {
    // no /proc
  }
  const own = process.cpuUsage();
  return {
    serverMs,
    postgresMs,
    generatorMs: (own.user + own.system) / 1000,
    machineBusyMs,
  };
}

function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function drive(base: string, scenario: Scenario, duration: number, record: boolean): Promise<Row> {
  const latencies: number[] = [];
  const first = scenario.next();
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    // Merged onto autocannon's defaults (host, port), a new request for every send.
    requests: [{ ...first, setupRequest: (request) => ({ ...request, ...scenario.next() }) }],
    verifyBody: scenario.verify,
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const before = cpuSample();
  const started = performance.now();
  const result: AutocannonResult = await instance;
  const after = cpuSample();
  const elapsedMs = performance.now() - started;
  const perRequest = (key: keyof typeof before) =>
    Math.round(((after[key] - before[key]) / Math.max(1, result.requests.total)) * 100) / 100;
  const sorted = Float64Array.from(latencies).sort();
  const round = (n: number) => Math.round(n * 10) / 10;
  const row: Row = {
    scenario: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
    requests: result.requests.total,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
    errors: result.errors,
    timeouts: result.timeouts,
    failedChecks: result.mismatches,
    cpuMsPerRequest: {
      server: perRequest("serverMs"),
      postgres: perRequest("postgresMs"),
      generator: perRequest("generatorMs"),
      machine: perRequest("machineBusyMs"),
    },
    machineBusy:
      Math.round(
        ((after.machineBusyMs - before.machineBusyMs) / elapsedMs / os.availableParallelism()) * 100,
      ) / 100,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
  if (record) {
    console.info(
      `  ${row.requestsPerSecond} req/s, p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms, ` +
        `${row.requests} requests, ${row.non2xx} non-2xx ${JSON.stringify(row.statusCodes)}, ` +
        `${row.errors} errors (${row.timeouts} timeouts), ${row.failedChecks} failed checks; CPU ms/request: ` +
        `server ${row.cpuMsPerRequest.server}, PostgreSQL ${row.cpuMsPerRequest.postgres}, autocannon ` +
        `${row.cpuMsPerRequest.generator}, machine ${row.cpuMsPerRequest.machine} (cores ${Math.round(row.machineBusy * 100)}% busy, load ${row.loadAverage.join(" ")})`,
    );
  }
  return row;
}

function table(rows: Row[]) {
  const header =
    "| scenario | req/s | p50 ms | p95 ms | p99 ms | requests | non-2xx | errors / timeouts | failed checks | CPU ms/request: server / PostgreSQL |";
  const lines = [header, "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |"];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${r.requestsPerSecond.toLocaleString("en-US")} | ${r.p50} | ${r.p95} | ${r.p99} | ` +
        `${r.requests.toLocaleString("en-US")} | ${r.non2xx} | ${r.errors} / ${r.timeouts} | ${r.failedChecks} | ` +
        `${r.cpuMsPerRequest.server} / ${r.cpuMsPerRequest.postgres} |`,
    );
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [{ version: pgVersion } = { version: "?" }] = await admin<{ version: string }[]>`select version()`;
  const machine = {
    cpus: os.availableParallelism(),
    serverProcesses: Number(process.env.WEB_CONCURRENCY || os.availableParallelism()),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: pgVersion,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
  console.info(
    `Machine: ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, ${pgVersion.split(" on ")[0]}; server processes: ${machine.serverProcesses}`,
  );

  buildIfNeeded();

  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "_");
  dbName = `salesmix_load_${stamp.toLowerCase()}_${randomBytes(2).toString("hex")}`;
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  console.info(`Created database ${dbName}.`);

  console.info("Seeding:");
  const seedStart = performance.now();
  handle = await openDatabase({ url: url.toString(), max: 4, role: "salesmix_app" });
  owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const timings: Record<string, number> = {};
  await timed(timings, "migrations", () => handle!.migrate());
  const seeded = await seed(handle, owner);
  Object.assign(seeded.timings, timings);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.info(`Seeded in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);
  await handle.close();
  handle = null;

  const resultsDir = path.join(ROOT, "bench-results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const port = await freePort(PORT);
  const base = await startServer(url.toString(), port, path.join(resultsDir, `load-${stamp}-server.log`));

  console.info(`Signing in ${SESSIONS} owners and the 10,000-rep organization's owner…`);
  const csrf = await getCsrf(base);
  const signedIn: { slug: string; cookie: string }[] = [];
  for (let i = 1; i <= SESSIONS; i++)
    signedIn.push({ slug: orgSlug(i), cookie: await signIn(base, csrf, userEmail(i)) });
  const big = { slug: orgSlug(BIG), cookie: await signIn(base, csrf, userEmail(BIG)) };

  const isReport = (body: string) => body.includes('"analysis"') && body.includes('"bandInfo"');
  const scenarios: Scenario[] = [
    {
      name: "0. floor: GET /api/health (no session, one `select 1`)",
      report: false,
      next: () => ({ method: "GET", path: "/api/health" }),
      verify: (body) => body.includes('"ok"'),
    },
    {
      name: `a. baseline: auth.me (tRPC, ${SESSIONS} sessions)`,
      report: false,
      next: () => ({ method: "GET", path: trpcGet("auth.me"), headers: { cookie: pick(signedIn).cookie } }),
      verify: (body) => body.includes('"email"'),
    },
    {
      name: `b. overview, ${REPS_PER_ORG}-rep orgs (tRPC report.overview, ${SESSIONS} users/orgs)`,
      report: true,
      next: () => {
        const s = pick(signedIn);
        return {
          method: "GET",
          path: trpcGet("report.overview", { orgSlug: s.slug }),
          headers: { cookie: s.cookie },
        };
      },
      verify: isReport,
    },
    {
      name: `c. GET /api/v1/report, ${REPS_PER_ORG}-rep orgs (${ORGS.toLocaleString("en-US")} API keys)`,
      report: true,
      next: () => ({
        method: "GET",
        path: "/api/v1/report",
        headers: { authorization: `Bearer ${seeded.apiKeys[Math.floor(Math.random() * ORGS)]}` },
      }),
      verify: isReport,
    },
    {
      name: `d. overview, ${BIG_REPS.toLocaleString("en-US")}-rep org (tRPC report.overview)`,
      report: true,
      next: () => ({
        method: "GET",
        path: trpcGet("report.overview", { orgSlug: big.slug }),
        headers: { cookie: big.cookie },
      }),
      verify: isReport,
    },
    {
      name: `d'. overview, ${BIG_REPS.toLocaleString("en-US")}-rep org filtered by one team (${Math.round(BIG_REPS / 20)} reps, summed once per process)`,
      report: true,
      next: () => ({
        method: "GET",
        path: trpcGet("report.overview", {
          orgSlug: big.slug,
          team: `Team ${Math.floor(Math.random() * 20)}`,
        }),
        headers: { cookie: big.cookie },
      }),
      verify: isReport,
    },
    {
      name: `e. sign-in (credentials callback, ${BIG.toLocaleString("en-US")} accounts)`,
      report: false,
      next: () => ({
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: signInHeaders(csrf),
        body: signInBody(userEmail(1 + Math.floor(Math.random() * BIG)), csrf),
      }),
      verify: (body) => body.includes('"url"') && !body.includes("error="),
    },
  ];

  // BENCH_SCENARIOS=a,c runs only those (by the letter before the dot).
  const only = process.env.BENCH_SCENARIOS?.split(",").map((s) => s.trim());
  const selected = only ? scenarios.filter((s) => only.includes(s.name.split(".")[0]!)) : scenarios;
  const rows: Row[] = [];
  for (const scenario of selected) {
    console.info(`\n${scenario.name}: ${WARMUP} s warm-up, then ${DURATION} s, ${CONNECTIONS} connections`);
    await drive(base, scenario, WARMUP, false);
    rows.push(await drive(base, scenario, DURATION, true));
  }

  const reportRows = rows.filter((r) => scenarios.find((s) => s.name === r.scenario)?.report);
  const failures = rows.reduce((n, r) => n + r.errors + r.non2xx + r.failedChecks, 0);
  const serverErrors = rows.reduce(
    (n, r) =>
      n + Object.entries(r.statusCodes).reduce((m, [code, c]) => m + (Number(code) >= 500 ? c : 0), 0),
    0,
  );
  const worstReportP95 = Math.max(0, ...reportRows.map((r) => r.p95));
  const met = failures === 0 && serverErrors === 0 && worstReportP95 < TARGET_P95_MS;

  console.info(`\n${table(rows)}\n`);
  console.info(
    `Target (no errors, no 5xx, report p95 under ${TARGET_P95_MS} ms): ${met ? "met" : "NOT met"} ` +
      `(errors + non-2xx + failed checks: ${failures}; 5xx: ${serverErrors}; worst report p95: ${worstReportP95} ms).`,
  );

  const file = path.join(resultsDir, `load-${stamp}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        settings: {
          durationSeconds: DURATION,
          warmupSeconds: WARMUP,
          connections: CONNECTIONS,
          sessions: SESSIONS,
        },
        machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
        seed: {
          seconds: Math.round(seedSeconds * 10) / 10,
          counts: seeded.counts,
          timingsMs: seeded.timings,
        },
        target: { p95Ms: TARGET_P95_MS, met, failures, serverErrors, worstReportP95 },
        results: rows,
      },
      null,
      2,
    ) + "\n",
  );
  console.info(`Results written to ${path.relative(ROOT, file)}.`);
}

main()
  .then(() => cleanup())
  .catch(async (e: unknown) => {
    console.error(e);
    await cleanup();
    process.exit(1);
  });
