/**
 * The durable job queue on the engine under test (PGlite by default, PostgreSQL with TEST_DATABASE_URL): one job per
 * idempotency key, jobs commit with their transaction, failed attempts retry with exponential backoff, a restart in
 * the middle of a retry schedule loses and duplicates nothing, and concurrent workers never run a job twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createDurableTestDatabase, createTestDatabase } from "../helpers/db";
import { queryRows, type Database, type DatabaseHandle } from "@/server/db/client";
import { jobs } from "@/server/db/schema";
import { backoffMs, claimJobs, enqueue } from "@/server/jobs/queue";
import { createWorker, PermanentJobError, type JobHandler } from "@/server/jobs/worker";

const effects = async (db: Database) =>
  new Map(
    (await queryRows<{ key: string; runs: number }>(db, sql`select key, runs from job_effects`)).map((r) => [
      r.key,
      Number(r.runs),
    ]),
  );
const createEffects = (db: Database) =>
  db.execute(sql`create table if not exists job_effects (key text primary key, runs int not null)`);
/** The side effect a job exists for (an email, a delivery), counted per key. */
const recordEffect = (db: Database, key: string) =>
  db.execute(
    sql`insert into job_effects (key, runs) values (${key}, 1) on conflict (key) do update set runs = job_effects.runs + 1`,
  );
const jobRows = (db: Database) => db.select().from(jobs).orderBy(jobs.idempotencyKey);

describe("job queue", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await createEffects(handle.db);
  });
  afterAll(async () => handle.close());

  it("keeps one job per idempotency key, and a job enqueued in a rolled-back transaction does not exist", async () => {
    const db = handle.db;
    expect(await enqueue(db, { queue: "t.once", idempotencyKey: "event-1", payload: { n: 1 } })).toBe(true);
    expect(await enqueue(db, { queue: "t.once", idempotencyKey: "event-1", payload: { n: 2 } })).toBe(false);
    // Same key on another queue is another job.
    expect(await enqueue(db, { queue: "t.other", idempotencyKey: "event-1", payload: {} })).toBe(true);
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, { queue: "t.once", idempotencyKey: "event-rolled-back", payload: {} });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    const rows = (await jobRows(db)).filter((j) => j.queue === "t.once");
    expect(rows.map((r) => [r.idempotencyKey, r.payload])).toEqual([["event-1", { n: 1 }]]);
  });

  it("retries a failing job with exponential backoff and marks it dead after its last attempt", async () => {
    const db = handle.db;
    await enqueue(db, { queue: "t.flaky", idempotencyKey: "flaky-1", payload: {}, maxAttempts: 3 });
    const outcomes: string[] = [];
    const worker = createWorker({
      db,
      manual: true,
      baseBackoffMs: 400,
      handlers: {
        "t.flaky": async () => {
          throw new Error("receiver is down");
        },
      },
      onAttempt: (_job, outcome) => outcomes.push(outcome),
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      // Not due before its backoff has passed.
      if (attempt > 1) expect(await worker.runOnce()).toBe(0);
      const [row] = await queryRows<{ delay_ms: number }>(
        db,
        sql`select extract(epoch from (run_at - now())) * 1000 as delay_ms from jobs where idempotency_key = 'flaky-1'`,
      );
      await new Promise((r) => setTimeout(r, Math.max(0, Number(row?.delay_ms ?? 0)) + 30));
      expect(await worker.runOnce()).toBe(1);
      const [after] = await queryRows<{ delay_ms: number }>(
        db,
        sql`select extract(epoch from (run_at - now())) * 1000 as delay_ms from jobs where idempotency_key = 'flaky-1'`,
      );
      delays.push(Number(after?.delay_ms));
    }
    expect(outcomes).toEqual(["pending", "pending", "dead"]);
    // 400 ms, then 800 ms (measured just after the failure, so a little less).
    expect(delays[0]).toBeGreaterThan(300);
    expect(delays[0]).toBeLessThanOrEqual(400);
    expect(delays[1]).toBeGreaterThan(700);
    expect(delays[1]).toBeLessThanOrEqual(800);
    const [dead] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, "flaky-1"));
    expect(dead).toMatchObject({ status: "dead", attempts: 3, lastError: "receiver is down" });
    expect(backoffMs(10, 30_000, 3_600_000)).toBe(3_600_000);
  });

  it("does not retry a permanent failure", async () => {
    const db = handle.db;
    await enqueue(db, { queue: "t.permanent", idempotencyKey: "p-1", payload: {} });
    const worker = createWorker({
      db,
      manual: true,
      handlers: {
        "t.permanent": async () => {
          throw new PermanentJobError("the endpoint was deleted");
        },
      },
    });
    expect(await worker.runOnce()).toBe(1);
    const [row] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, "p-1"));
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
  });

  it("gives a job whose worker died (claim lapsed) to another worker", async () => {
    const db = handle.db;
    await enqueue(db, { queue: "t.lease", idempotencyKey: "lease-1", payload: {} });
    // Worker A claims it and dies before finishing.
    const claimed = await claimJobs(db, "worker-a", { limit: 1, leaseMs: 300, queues: ["t.lease"] });
    expect(claimed).toHaveLength(1);
    const handlers = { "t.lease": (async (d) => void (await recordEffect(d, "lease-1"))) as JobHandler };
    const b = createWorker({ db, manual: true, workerId: "worker-b", handlers });
    expect(await b.runOnce()).toBe(0); // still A's
    await new Promise((r) => setTimeout(r, 350));
    expect(await b.runOnce()).toBe(1);
    const [row] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, "lease-1"));
    expect(row).toMatchObject({ status: "done", attempts: 2, lockedBy: "worker-b" });
    expect((await effects(db)).get("lease-1")).toBe(1);
  });

  it("runs each job exactly once with several workers claiming at the same time", async () => {
    const db = handle.db;
    const keys = Array.from({ length: 30 }, (_, i) => `many-${i}`);
    for (const key of keys) await enqueue(db, { queue: "t.many", idempotencyKey: key, payload: { key } });
    const handlers: Record<string, JobHandler> = {
      "t.many": async (d, job) => void (await recordEffect(d, String(job.payload.key))),
    };
    const workers = [1, 2, 3].map((n) =>
      createWorker({ db, manual: true, workerId: `w${n}`, batch: 2, handlers }),
    );
    const drain = async (w: (typeof workers)[number]) => {
      while ((await w.runOnce()) > 0);
    };
    await Promise.all(workers.map(drain));
    const seen = await effects(db);
    expect(keys.map((k) => seen.get(k))).toEqual(keys.map(() => 1));
    const rows = (await jobRows(db)).filter((j) => j.queue === "t.many");
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["done"]));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it("polls on its own and wakes when kicked", async () => {
    const db = handle.db;
    const ran: string[] = [];
    const worker = createWorker({
      db,
      pollMs: 60_000,
      handlers: { "t.poll": async (_d, job) => void ran.push(job.idempotencyKey) },
    });
    await new Promise((r) => setTimeout(r, 50));
    await enqueue(db, { queue: "t.poll", idempotencyKey: "kicked", payload: {} });
    worker.kick();
    for (let i = 0; i < 50 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(ran).toEqual(["kicked"]);
  });
});

describe("job queue across a restart", () => {
  it("loses and duplicates nothing when the process stops in the middle of a retry schedule", async () => {
    const durable = await createDurableTestDatabase();
    try {
      let handle = await durable.open();
      await createEffects(handle.db);
      const keys = ["r-1", "r-2", "r-3"];
      for (const key of keys)
        await enqueue(handle.db, { queue: "t.restart", idempotencyKey: key, payload: { key } });
      // First life: every first attempt fails (the receiver is down), so each job waits for its retry.
      const first = createWorker({
        db: handle.db,
        manual: true,
        baseBackoffMs: 60_000,
        handlers: {
          "t.restart": async () => {
            throw new Error("receiver is down");
          },
        },
      });
      expect(await first.runOnce()).toBe(3);
      await first.stop();
      await handle.close();

      // Second life: the same data, a new worker; the receiver is back.
      handle = await durable.open();
      // Enqueueing the same events again (a replayed import) adds nothing.
      for (const key of keys)
        expect(await enqueue(handle.db, { queue: "t.restart", idempotencyKey: key, payload: { key } })).toBe(
          false,
        );
      const pending = await jobRows(handle.db);
      expect(pending.map((j) => [j.idempotencyKey, j.status, j.attempts])).toEqual(
        keys.map((k) => [k, "pending", 1]),
      );
      const second = createWorker({
        db: handle.db,
        manual: true,
        handlers: {
          "t.restart": async (d, job) => void (await recordEffect(d, String(job.payload.key))),
        },
      });
      // The backoff still holds after the restart (a minute from the failure)…
      const waits = await queryRows<{ wait_s: number }>(
        handle.db,
        sql`select extract(epoch from (run_at - now())) as wait_s from jobs`,
      );
      expect(waits.every((w) => Number(w.wait_s) > 20)).toBe(true);
      expect(await second.runOnce()).toBe(0);
      // …and once that minute has passed (moved forward here rather than waited), each job runs once more.
      await handle.db.execute(sql`update jobs set run_at = now() where queue = 't.restart'`);
      expect(await second.runOnce()).toBe(3);
      expect(await second.runOnce()).toBe(0);
      const seen = await effects(handle.db);
      expect(keys.map((k) => seen.get(k))).toEqual([1, 1, 1]);
      const done = await jobRows(handle.db);
      expect(done.map((j) => [j.status, j.attempts])).toEqual(keys.map(() => ["done", 2]));
      await handle.close();
    } finally {
      await durable.dispose();
    }
  });
});
