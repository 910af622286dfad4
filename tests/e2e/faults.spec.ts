import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./helpers";

// A second server of the production build that this test may kill; it shares the run's database.
const PORT = Number(process.env.E2E_FAULT_PORT ?? 3190);
const SERVER = ".next/salesmix-server/main.mjs";
const base = `http://127.0.0.1:${PORT}`;
const dataDir = process.env.E2E_DATABASE_URL
  ? undefined
  : fs.mkdtempSync(path.join(os.tmpdir(), "salesmix-fault-"));

function startServer(): ChildProcess {
  return spawn(process.execPath, [SERVER, "-p", String(PORT)], {
    env: {
      ...process.env,
      SEED_DEMO: "false",
      ...(process.env.E2E_DATABASE_URL
        ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
        : { DATA_DIR: dataDir }),
    },
    stdio: "ignore",
  });
}

async function waitUntilReady() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become ready");
}

function bigTeam(rows: number) {
  const lines = ["name,role,calls,quota_attainment,base_salary"];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Rep ${i},${["inside", "outside", "hybrid"][i % 3]},${i % 400},${70 + (i % 60)}%,${40000 + i}`,
    );
  return Buffer.from(lines.join("\n"));
}

test("the server killed in the middle of a large upload: no partial snapshot, the app serves, a retry succeeds", async () => {
  test.setTimeout(180_000);
  let server = startServer();
  try {
    await waitUntilReady();
    const api = await playwrightRequest.newContext({ baseURL: base });
    const slug = await signUpViaApi(api, { name: "Kill", email: uniqueEmail("kill"), org: "Kill Test Co" });
    const cookies = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const file = bigTeam(60_000);
    const upload = () => {
      const form = new FormData();
      form.set("file", new Blob([file], { type: "text/csv" }), "big.csv");
      form.set("asOf", "2026-11-01");
      form.set("period", "Q4");
      return fetch(`${base}/api/orgs/${slug}/imports`, {
        method: "POST",
        body: form,
        headers: { cookie: cookies, origin: base },
      });
    };

    // Kill the server as soon as it reports checking (and staging) rows, inside the transaction.
    const res = await upload();
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes('"phase":"checking"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('"phase":"checking"');
    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));
    await reader.cancel().catch(() => {});

    // Restart on the same database: it serves, and nothing of the killed upload is visible.
    server = startServer();
    await waitUntilReady();
    const list = await api.get(
      `/api/trpc/imports.list?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: slug } }))}`,
    );
    expect(list.status(), await list.text()).toBe(200);
    const items = (
      (await list.json()) as { result: { data: { json: { items: { status: string; rowCount: number }[] } } } }
    ).result.data.json.items;
    expect(items.filter((s) => s.status === "completed" || s.rowCount > 0)).toEqual([]);

    // The same file again goes through.
    const retry = await upload();
    const body = await retry.text();
    expect(body).toContain('"type":"result"');
    expect(body).toContain('"rowCount":60000');
    await api.dispose();
  } finally {
    server.kill("SIGKILL");
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** The pids whose parent is `pid` (Linux /proc): the worker processes of scripts/cluster.mjs. */
function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children.sort();
}

test("npm start's process cluster: a killed server process is replaced while the others serve, and SIGTERM stops them all", async () => {
  test.setTimeout(180_000);
  const port = PORT + 1;
  const clusterBase = `http://127.0.0.1:${port}`;
  // On PostgreSQL two processes; on the embedded database always one (it belongs to one process).
  const expected = process.env.E2E_DATABASE_URL ? 2 : 1;
  const primary = spawn(process.execPath, ["scripts/cluster.mjs", SERVER, "-p", String(port)], {
    env: {
      ...process.env,
      SEED_DEMO: "false",
      WEB_CONCURRENCY: "2",
      ...(process.env.E2E_DATABASE_URL
        ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
        : { DATA_DIR: dataDir }),
    },
    stdio: "ignore",
  });
  const healthy = async () => {
    try {
      return (await fetch(`${clusterBase}/api/health`)).ok;
    } catch {
      return false;
    }
  };
  try {
    await expect.poll(healthy, { timeout: 60_000 }).toBe(true);
    await expect.poll(() => childPids(primary.pid!).length, { timeout: 60_000 }).toBe(expected);
    const before = childPids(primary.pid!);

    process.kill(before[0]!, "SIGKILL");
    // A replacement starts (a new pid), and the app answers again.
    await expect
      .poll(
        () => {
          const now = childPids(primary.pid!);
          return now.length === expected && !now.includes(before[0]!);
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await expect.poll(healthy, { timeout: 60_000 }).toBe(true);

    const workers = childPids(primary.pid!);
    const exited = new Promise<number | null>((r) => primary.once("exit", (code) => r(code)));
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
  } finally {
    for (const pid of childPids(primary.pid!)) process.kill(pid, "SIGKILL");
    primary.kill("SIGKILL");
  }
});
