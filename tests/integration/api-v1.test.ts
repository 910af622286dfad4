import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { addMember, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { auditEvents, memberships, organizations, reps, teamSnapshots } from "@/server/db/schema";
import { getReport } from "@/server/reports/report";
import { consume } from "@/server/ratelimit";
import { BENCHMARK_DATASET, FIGURE_IDS } from "@/lib/benchmarks";
import { MAX_BYTES } from "@/lib/csv";
import { buildOpenApiDocument } from "@/server/http/app";
import {
  apiRequest,
  createKey,
  problemType,
  seenResponses,
  send,
  type ProblemBody,
  type Tenant,
} from "./api-helpers";

const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));
const IMPORT_QUERY = "?as_of=2026-10-31&period=Last%2030%20days";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const db = () => handle.db;

async function orgRow(id: string) {
  const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw new Error("no org");
  return org;
}

/** The fixture with one more rep, so each variant is a different file (no duplicate refusal). */
function variant(n: number) {
  return Buffer.concat([
    fixture,
    Buffer.from(
      `Rep ${n},rep${n}@acme.test,Inside Sales,SDR,SMB,"$41,000","$82,000",500000,95%,400,90,900,50,30,6,"$8,000",30,2,90%\n`,
    ),
  ]);
}

interface Created {
  snapshotId: string;
  rowCount: number;
  skippedRowCount: number;
  encoding: string;
  contentHash: string;
}

async function importCsv(key: string, csv: Uint8Array | string, query = IMPORT_QUERY) {
  return send<Created & ProblemBody>(db(), apiRequest("POST", `/imports${query}`, { key, csv }));
}

describe("GET /benchmarks", () => {
  it("serves the whole dataset without a key: every figure with id, value, unit, cohort, band, vintage, confidence and sources", async () => {
    const res = await send<typeof BENCHMARK_DATASET>(db(), apiRequest("GET", "/benchmarks"));
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("application/json");
    expect(Object.keys(res.body.figures).sort()).toEqual([...FIGURE_IDS].sort());
    const quota = res.body.figures["quota.hit_rate"];
    expect(quota).toMatchObject({
      id: "quota.hit_rate",
      value: BENCHMARK_DATASET.figures["quota.hit_rate"].value,
    });
    for (const f of Object.values(res.body.figures)) {
      expect(f).toHaveProperty("unit");
      expect(f).toHaveProperty("cohort.kind");
      expect(f).toHaveProperty("band");
      expect(f.vintageYear).toBeGreaterThan(2000);
      expect(f).toHaveProperty("confidence");
      expect(f.sourceZh.length).toBeGreaterThan(1);
      expect(f.sourceEn.length).toBeGreaterThan(9);
    }
    expect(res.body).toEqual(JSON.parse(JSON.stringify(BENCHMARK_DATASET)));
  });
});

describe("POST /imports", () => {
  let t: Tenant;
  let writeKey: string;
  beforeAll(async () => {
    t = await newTenant(db(), "push");
    writeKey = (await createKey(t, "read_write", "CRM sync")).key;
  });

  it("imports text/csv through the upload pipeline: 201, snapshot and reps saved, audited as the key", async () => {
    const res = await importCsv(writeKey, fixture);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowCount: 5, skippedRowCount: 0 });
    const [snap] = await db().select().from(teamSnapshots).where(eq(teamSnapshots.id, res.body.snapshotId));
    expect(snap).toMatchObject({
      organizationId: t.org.id,
      status: "completed",
      asOf: "2026-10-31",
      period: "Last 30 days",
      fileName: "api-upload.csv",
      createdBy: null,
    });
    expect(snap?.createdByApiKeyId).not.toBeNull();
    expect(await db().select().from(reps).where(eq(reps.snapshotId, res.body.snapshotId))).toHaveLength(5);
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "import.created")));
    expect(event?.actorApiKeyId).toBe(snap?.createdByApiKeyId);
    expect(event?.actorUserId).toBeNull();
    expect(event?.actorLabel).toContain("CRM sync");
  });

  it("answers 409 with the earlier snapshot for the same content, and imports it again when allowed", async () => {
    const first = await importCsv(writeKey, variant(1));
    expect(first.status).toBe(201);
    const again = await importCsv(writeKey, variant(1));
    expect(again.status).toBe(409);
    expect(again.contentType).toBe("application/problem+json");
    expect(again.body.type).toBe(problemType("duplicate-import"));
    expect(again.body.snapshotId).toBe(first.body.snapshotId);
    const allowed = await importCsv(writeKey, variant(1), `${IMPORT_QUERY}&allow_duplicate=true`);
    expect(allowed.status).toBe(201);
    expect(allowed.body.snapshotId).not.toBe(first.body.snapshotId);
  });

  it("accepts multipart/form-data with a `file` part and keeps its file name", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(variant(2))], "crm-export.csv", { type: "text/csv" }));
    const res = await send<Created>(
      db(),
      apiRequest("POST", `/imports${IMPORT_QUERY}&mode=valid_rows_only`, { key: writeKey, body: form }),
    );
    expect(res.status).toBe(201);
    const [snap] = await db().select().from(teamSnapshots).where(eq(teamSnapshots.id, res.body.snapshotId));
    expect(snap?.fileName).toBe("crm-export.csv");
    const noFile = new FormData();
    noFile.set("other", "x");
    const bad = await send<ProblemBody>(
      db(),
      apiRequest("POST", `/imports${IMPORT_QUERY}`, { key: writeKey, body: noFile }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe(problemType("malformed-body"));
  });

  it("refuses a file with row errors with 422 naming row, column and value, and saves nothing; valid_rows_only imports the rest", async () => {
    const other = await newTenant(db(), "rows");
    const key = (await createKey(other, "read_write")).key;
    const bad = "name,role,base_salary\nAna,inside,42000\nBen,outside,abc\nCy,martian,50000\n";
    const res = await importCsv(key, bad);
    expect(res.status).toBe(422);
    expect(res.body.type).toBe(problemType("validation"));
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ row: 3, column: "base_salary", value: "abc" }),
    );
    expect(res.body.errors?.some((e) => e.row === 4 && e.column === "role")).toBe(true);
    expect(res.body.errorCount).toBe(2);
    expect(res.body.rowCount).toBe(3);
    expect(
      await db().select().from(teamSnapshots).where(eq(teamSnapshots.organizationId, other.org.id)),
    ).toHaveLength(0);
    const partial = await importCsv(key, bad, `${IMPORT_QUERY}&mode=valid_rows_only`);
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ rowCount: 1, skippedRowCount: 2 });
  });

  it("refuses an unusable file as a whole with 422 invalid-file (empty, required column missing)", async () => {
    const empty = await importCsv(writeKey, "");
    expect(empty.status).toBe(422);
    expect(empty.body.type).toBe(problemType("invalid-file"));
    const noRole = await importCsv(writeKey, "name,base_salary\nAna,42000\n");
    expect(noRole.status).toBe(422);
    expect(noRole.body.type).toBe(problemType("invalid-file"));
    expect(noRole.body.detail.toLowerCase()).toContain("role");
  });

  it("names every bad query parameter with 400 (missing, malformed, future, unknown)", async () => {
    const missing = await importCsv(writeKey, fixture, "?period=Q3");
    expect(missing.status).toBe(400);
    expect(missing.body.type).toBe(problemType("invalid-parameters"));
    expect(missing.body.errors?.map((e) => e.field)).toContain("as_of");
    const malformed = await importCsv(writeKey, fixture, "?as_of=31.10.2026&period=Q3&mode=some");
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual(["as_of", "mode"]);
    const future = await importCsv(writeKey, fixture, "?as_of=2999-01-01&period=Q3");
    expect(future.status).toBe(400);
    expect(future.body.errors?.[0]?.message).toContain("future");
    const unknown = await importCsv(writeKey, fixture, `${IMPORT_QUERY}&allow_duplicates=true`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain("allow_duplicates");
  });

  it("answers 415 for a body that is neither text/csv nor multipart", async () => {
    for (const type of ["application/json", "application/x-www-form-urlencoded"]) {
      const res = await send<ProblemBody>(
        db(),
        apiRequest("POST", `/imports${IMPORT_QUERY}`, {
          key: writeKey,
          csv: fixture,
          headers: { "content-type": type },
        }),
      );
      expect(res.status).toBe(415);
      expect(res.body.type).toBe(problemType("unsupported-media-type"));
      expect(res.body.detail).toContain("text/csv");
    }
    const none = await send<ProblemBody>(
      db(),
      apiRequest("POST", `/imports${IMPORT_QUERY}`, { key: writeKey, body: new Uint8Array(fixture) }),
    );
    expect(none.status).toBe(415);
  });

  it("answers 413 from the declared length without reading the body, and cuts off an undeclared one past 20 MB", async () => {
    let pulled = 0;
    const neverRead = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const declared = new Request(`http://salesmix.test/api/v1/imports${IMPORT_QUERY}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${writeKey}`,
        "content-type": "text/csv",
        "content-length": String(MAX_BYTES + 1),
      },
      body: neverRead,
      duplex: "half",
    } as RequestInit);
    const res = await send<ProblemBody>(db(), declared);
    expect(res.status).toBe(413);
    expect(res.body.type).toBe(problemType("payload-too-large"));
    expect(pulled).toBeLessThanOrEqual(1);

    const chunk = new Uint8Array(1024 * 1024).fill(65);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent > MAX_BYTES + 4 * chunk.byteLength) controller.close();
      },
    });
    const chunked = new Request(`http://salesmix.test/api/v1/imports${IMPORT_QUERY}`, {
      method: "POST",
      headers: { authorization: `Bearer ${writeKey}`, "content-type": "text/csv" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const cut = await send<ProblemBody>(db(), chunked);
    expect(cut.status).toBe(413);
    expect(cut.body.detail).toContain("20 MB");
  });

  it("refuses a body cut short on the way (fewer bytes than declared) instead of importing part of the team", async () => {
    const other = await newTenant(db(), "short");
    const key = (await createKey(other, "read_write")).key;
    const half = new Uint8Array(fixture.subarray(0, Math.floor(fixture.length / 2)));
    const short = new Request(`http://salesmix.test/api/v1/imports${IMPORT_QUERY}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "text/csv",
        "content-length": String(fixture.length),
      },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(half);
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    const res = await send<ProblemBody>(db(), short);
    expect(res.status).toBe(413);
    expect(res.body.detail).toContain(`Only ${half.length} of the ${fixture.length} bytes`);
    expect(
      await db().select().from(teamSnapshots).where(eq(teamSnapshots.organizationId, other.org.id)),
    ).toHaveLength(0);
  });
});

describe("authentication, scope and rate limit", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await newTenant(db(), "auth");
  });

  it("answers 401 with a Bearer challenge for a missing, malformed or unknown key", async () => {
    const cases: [string, Record<string, string>][] = [
      ["missing", {}],
      ["basic", { authorization: "Basic dXNlcjpwYXNz" }],
      ["unknown", { authorization: `Bearer smk_${"A".repeat(43)}` }],
      ["garbage", { authorization: "Bearer nope" }],
    ];
    for (const [label, headers] of cases) {
      for (const [method, p] of [
        ["GET", "/imports"],
        ["GET", "/report"],
        ["GET", "/organization"],
      ] as const) {
        const res = await send<ProblemBody>(db(), apiRequest(method, p, { headers }));
        expect(res.status, `${label} ${p}`).toBe(401);
        expect(res.body.type).toBe(problemType("unauthorized"));
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="SalesMix API"/);
      }
    }
  });

  it("refuses a revoked key on the very next request", async () => {
    const created = await createKey(t, "read");
    const before = await send(db(), apiRequest("GET", "/imports", { key: created.key }));
    expect(before.status).toBe(200);
    await t.caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: created.id });
    const after = await send<ProblemBody>(db(), apiRequest("GET", "/imports", { key: created.key }));
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("answers 403 insufficient-scope when a read key writes, and changes nothing", async () => {
    const read = (await createKey(t, "read")).key;
    const post = await importCsv(read, fixture);
    expect(post.status).toBe(403);
    expect(post.body.type).toBe(problemType("insufficient-scope"));
    expect(post.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    const patch = await send<ProblemBody>(
      db(),
      apiRequest("PATCH", "/organization", { key: read, json: { employeeCount: 5 } }),
    );
    expect(patch.status).toBe(403);
    expect(
      await db().select().from(teamSnapshots).where(eq(teamSnapshots.organizationId, t.org.id)),
    ).toHaveLength(0);
    expect((await orgRow(t.org.id)).employeeCount).toBeNull();
    // Twin: the same read key reads.
    expect((await send(db(), apiRequest("GET", "/organization", { key: read }))).status).toBe(200);
  });

  it("answers 429 with Retry-After once the key's limit is used up; other keys are not affected", async () => {
    const limited = await createKey(t, "read");
    const fresh = await createKey(t, "read");
    await consume("apiKey", limited.id, 600).catch(() => undefined);
    const res = await send<ProblemBody>(db(), apiRequest("GET", "/imports", { key: limited.key }));
    expect(res.status).toBe(429);
    expect(res.body.type).toBe(problemType("rate-limited"));
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.body.retryAfterSeconds).toBe(retryAfter);
    expect((await send(db(), apiRequest("GET", "/imports", { key: fresh.key }))).status).toBe(200);
  });
});

describe("GET /imports and /imports/{id}/reps", () => {
  let t: Tenant;
  let key: string;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await newTenant(db(), "list");
    key = (await createKey(t, "read_write")).key;
    for (const [n, asOf] of [
      [1, "2026-08-31"],
      [2, "2026-10-31"],
      [3, "2026-09-30"],
    ] as const) {
      const res = await importCsv(key, variant(n), `?as_of=${asOf}&period=Q`);
      expect(res.status).toBe(201);
      ids.push(res.body.snapshotId);
    }
  });

  it("lists snapshots newest as-of first, a page at a time by cursor", async () => {
    type Page = {
      data: { id: string; asOf: string; isCurrent: boolean }[];
      nextCursor: string | null;
      currentSnapshotId: string;
    };
    const first = await send<Page>(db(), apiRequest("GET", "/imports?limit=2", { key }));
    expect(first.status).toBe(200);
    expect(first.body.data.map((s) => s.asOf)).toEqual(["2026-10-31", "2026-09-30"]);
    expect(first.body.currentSnapshotId).toBe(ids[1]);
    expect(first.body.data[0]?.isCurrent).toBe(true);
    expect(first.body.nextCursor).toBe(ids[2]);
    const second = await send<Page>(
      db(),
      apiRequest("GET", `/imports?limit=2&cursor=${first.body.nextCursor}`, { key }),
    );
    expect(second.body.data.map((s) => s.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    const bad = await send<ProblemBody>(db(), apiRequest("GET", "/imports?limit=0", { key }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe("limit");
  });

  it("pages through a snapshot's reps in file order, with filters", async () => {
    type RepPage = {
      data: { rowNumber: number; name: string; role: string; baseSalary: number | null }[];
      total: number;
      nextOffset: number | null;
    };
    const id = ids[1] ?? "";
    const page1 = await send<RepPage>(db(), apiRequest("GET", `/imports/${id}/reps?limit=4`, { key }));
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(6);
    expect(page1.body.data.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(page1.body.data[0]).toMatchObject({ name: "Ana Ruiz", role: "inside", baseSalary: 42833 });
    expect(page1.body.nextOffset).toBe(4);
    const page2 = await send<RepPage>(
      db(),
      apiRequest("GET", `/imports/${id}/reps?limit=4&offset=4`, { key }),
    );
    expect(page2.body.data.map((r) => r.rowNumber)).toEqual([6, 7]);
    expect(page2.body.nextOffset).toBeNull();
    const outside = await send<RepPage>(db(), apiRequest("GET", `/imports/${id}/reps?role=outside`, { key }));
    expect(outside.body.data.map((r) => r.name)).toEqual(["Cleo Park", "Dev Shah"]);
    const malformed = await send<ProblemBody>(db(), apiRequest("GET", "/imports/not-a-uuid/reps", { key }));
    expect(malformed.status).toBe(404);
  });
});

describe("GET /imports/{id}/compare", () => {
  it("says who joined, left and changed role or team (by email, else by name) and how the analysis moved", async () => {
    const t = await newTenant(db(), "compare");
    const key = (await createKey(t, "read_write")).key;
    const before = fixture.toString("utf8").trimEnd();
    const lines = before.split("\n");
    // Later: Ana moves to outside sales, Ben (email dropped) changes team, Cleo leaves, Zoe joins.
    const after = [
      lines[0],
      ...lines
        .slice(1)
        .filter((l) => !l.startsWith("Cleo Park"))
        .map((l) =>
          l.startsWith("Ana Ruiz")
            ? l.replace("Inside Sales", "Field Sales")
            : l.startsWith("Ben Ode")
              ? l.replace("ben@acme.test", "").replace(",SMB,", ",Mid-Market,")
              : l,
        ),
      `Zoe Lind,zoe@acme.test,Inside Sales,SDR,SMB,"$41,000","$82,000",500000,95%,400,90,900,50,30,6,"$8,000",30,2,90%`,
    ].join("\n");
    const first = (await importCsv(key, before, "?as_of=2026-06-30&period=Q")).body.snapshotId;
    const second = (await importCsv(key, after, "?as_of=2026-09-30&period=Q")).body.snapshotId;
    type Comparison = {
      from: { id: string };
      to: { id: string };
      people: {
        matchedByEmail: number;
        matchedByName: number;
        joined: { count: number; items: { name: string }[] };
        left: { count: number; items: { name: string }[] };
        changedRole: { count: number; items: { name: string; from: string; to: string }[] };
        changedTeam: {
          count: number;
          items: { name: string; from: string; to: string; matchedBy: string }[];
        };
      };
      analysis: {
        headCount: { inside: { before: number; after: number; change: number } };
        insideShare: { before: number; after: number; change: number };
        gaps: { figureId: string; change: number | null }[];
      };
    };
    const res = await send<Comparison>(
      db(),
      apiRequest("GET", `/imports/${first}/compare?to=${second}`, { key }),
    );
    expect(res.status).toBe(200);
    expect(res.body.from.id).toBe(first);
    expect(res.body.to.id).toBe(second);
    const p = res.body.people;
    expect(p.joined.items.map((r) => r.name)).toEqual(["Zoe Lind"]);
    expect(p.left.items.map((r) => r.name)).toEqual(["Cleo Park"]);
    expect(p.changedRole.items).toEqual([
      expect.objectContaining({ name: "Ana Ruiz", from: "inside", to: "outside" }),
    ]);
    expect(p.changedTeam.items).toEqual([
      expect.objectContaining({ name: "Ben Ode", from: "SMB", to: "Mid-Market", matchedBy: "name" }),
    ]);
    expect(p.matchedByName).toBe(1);
    expect(p.matchedByEmail).toBe(lines.length - 1 - 2);
    const inside = res.body.analysis.headCount.inside;
    expect(inside.change).toBe(inside.after - inside.before);
    expect(inside.change).toBe(0); // Ana left inside, Zoe joined it.
    expect(res.body.analysis.gaps.length).toBeGreaterThan(5);

    const bad = await send<ProblemBody>(db(), apiRequest("GET", `/imports/${first}/compare`, { key }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe("to");
    const notId = await send<ProblemBody>(
      db(),
      apiRequest("GET", `/imports/${first}/compare?to=abc`, { key }),
    );
    expect(notId.status).toBe(400);
    const unknown = await send<ProblemBody>(
      db(),
      apiRequest("GET", `/imports/${first}/compare?to=${randomUUID()}`, { key }),
    );
    expect(unknown.status).toBe(404);
  });
});

describe("GET /report", () => {
  it("answers 404 no-upload before the first upload", async () => {
    const t = await newTenant(db(), "empty");
    const key = (await createKey(t, "read")).key;
    const res = await send<ProblemBody>(db(), apiRequest("GET", "/report", { key }));
    expect(res.status).toBe(404);
    expect(res.body.type).toBe(problemType("no-upload"));
  });

  it("returns exactly getReport's computation, for the current snapshot and for a named one, filtered or not", async () => {
    const t = await newTenant(db(), "report");
    const key = (await createKey(t, "read_write")).key;
    const older = await importCsv(key, variant(1), "?as_of=2026-06-30&period=Q2");
    const newer = await importCsv(key, variant(2), "?as_of=2026-09-30&period=Q3");
    await send(
      db(),
      apiRequest("PATCH", "/organization", {
        key,
        json: { annualRevenue: 30_000_000, typicalDealSize: 9000 },
      }),
    );
    const org = await orgRow(t.org.id);
    const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

    const current = await send<{ snapshot: { id: string }; analysis: { gaps: { figureId: string }[] } }>(
      db(),
      apiRequest("GET", "/report", { key }),
    );
    expect(current.status).toBe(200);
    expect(current.body.snapshot.id).toBe(newer.body.snapshotId);
    expect(current.body).toEqual(json(await getReport(db(), org, { snapshotId: null })));
    expect(current.body.analysis.gaps.length).toBeGreaterThan(0);

    const named = await send(db(), apiRequest("GET", `/report?snapshot=${older.body.snapshotId}`, { key }));
    expect(named.body).toEqual(json(await getReport(db(), org, { snapshotId: older.body.snapshotId })));
    expect(named.body).not.toEqual(current.body);

    const filtered = await send(db(), apiRequest("GET", "/report?team=Enterprise", { key }));
    expect(filtered.body).toEqual(json(await getReport(db(), org, { filter: { team: "Enterprise" } })));

    const bad = await send<ProblemBody>(db(), apiRequest("GET", "/report?snapshot=42", { key }));
    expect(bad.status).toBe(400);
  });

  it("answers 422 for a failed upload's snapshot", async () => {
    const t = await newTenant(db(), "failed");
    const key = (await createKey(t, "read")).key;
    const [failed] = await db()
      .insert(teamSnapshots)
      .values({
        organizationId: t.org.id,
        asOf: "2026-01-31",
        period: "Q",
        fileName: "broken.csv",
        contentHash: "0".repeat(64),
        status: "failed",
        failureReason: "The import stopped",
      })
      .returning();
    const res = await send<ProblemBody>(db(), apiRequest("GET", `/report?snapshot=${failed?.id}`, { key }));
    expect(res.status).toBe(422);
    expect(res.body.type).toBe(problemType("unprocessable"));
  });
});

describe("GET and PATCH /organization", () => {
  it("changes the profile fields sent, audited as the key, and the band follows", async () => {
    const t = await newTenant(db(), "profile");
    const key = await createKey(t, "read_write", "RevOps bot");
    const res = await send<{
      profile: { annualRevenue: number; employeeCount: number | null };
      band: { band: string };
    }>(
      db(),
      apiRequest("PATCH", "/organization", {
        key: key.key,
        json: { annualRevenue: 600_000_000, employeeCount: 2500 },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ annualRevenue: 600_000_000, employeeCount: 2500 });
    expect(res.body.band.band).toBe("large");
    expect((await orgRow(t.org.id)).annualRevenue).toBe(600_000_000);
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "organization.updated")));
    expect(event).toMatchObject({ actorApiKeyId: key.id, actorUserId: null });
    expect(event?.data).toMatchObject({ after: { annualRevenue: 600_000_000, employeeCount: 2500 } });

    const cleared = await send<{ profile: { employeeCount: number | null } }>(
      db(),
      apiRequest("PATCH", "/organization", { key: key.key, json: { employeeCount: null } }),
    );
    expect(cleared.body.profile.employeeCount).toBeNull();
    const read = await send<{ slug: string; profile: { annualRevenue: number } }>(
      db(),
      apiRequest("GET", "/organization", { key: key.key }),
    );
    expect(read.body).toMatchObject({ slug: t.org.slug, profile: { annualRevenue: 600_000_000 } });
  });

  it("refuses bad bodies with field errors (422), unreadable JSON (400) and other content types (415)", async () => {
    const t = await newTenant(db(), "patchbad");
    const key = (await createKey(t, "read_write")).key;
    const invalid = await send<ProblemBody>(
      db(),
      apiRequest("PATCH", "/organization", {
        key,
        json: { annualRevenue: -5, employeeCount: 1.5, currency: "dollars" },
      }),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.type).toBe(problemType("validation"));
    expect(invalid.body.errors?.map((e) => e.field).sort()).toEqual([
      "annualRevenue",
      "currency",
      "employeeCount",
    ]);
    const unknown = await send<ProblemBody>(
      db(),
      apiRequest("PATCH", "/organization", { key, json: { name: "Renamed" } }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.[0]?.message).toContain("name");
    const notJson = await send<ProblemBody>(
      db(),
      apiRequest("PATCH", "/organization", {
        key,
        body: "{annualRevenue:",
        headers: { "content-type": "application/json" },
      }),
    );
    expect(notJson.status).toBe(400);
    expect(notJson.body.type).toBe(problemType("malformed-body"));
    const text = await send<ProblemBody>(
      db(),
      apiRequest("PATCH", "/organization", {
        key,
        body: "annualRevenue=5",
        headers: { "content-type": "text/plain" },
      }),
    );
    expect(text.status).toBe(415);
    const huge = await send<ProblemBody>(
      db(),
      apiRequest("PATCH", "/organization", { key, json: { industry: "x".repeat(70 * 1024) } }),
    );
    expect(huge.status).toBe(413);
    const org = await orgRow(t.org.id);
    expect([org.annualRevenue, org.employeeCount, org.currency, org.name]).toEqual([
      null,
      null,
      "USD",
      t.org.name,
    ]);
  });
});

describe("tenancy: another organization's key and ids", () => {
  it("answers 404 for every id of another organization, and 200 to its own key (the twin)", async () => {
    const a = await newTenant(db(), "tenant-a");
    const b = await newTenant(db(), "tenant-b");
    const aKey = (await createKey(a, "read_write")).key;
    const bKey = (await createKey(b, "read_write")).key;
    const aSnapshot = (await importCsv(aKey, variant(7))).body.snapshotId;
    const aSecond = (await importCsv(aKey, variant(8), "?as_of=2026-01-31&period=Q")).body.snapshotId;
    expect(aSecond).toBeTruthy();

    const byId: [string, number][] = [
      [`/imports/${aSnapshot}/reps`, 200],
      [`/imports/${aSnapshot}/compare?to=${aSecond}`, 200],
      [`/report?snapshot=${aSnapshot}`, 200],
      [`/imports?limit=1&cursor=${aSnapshot}`, 200],
    ];
    for (const [p, okStatus] of byId) {
      const own = await send(db(), apiRequest("GET", p, { key: aKey }));
      expect(own.status, `A's key on ${p}`).toBe(okStatus);
      const other = await send<ProblemBody>(db(), apiRequest("GET", p, { key: bKey }));
      expect(other.status, `B's key on ${p}`).toBe(404);
      expect(other.body.type).toBe(problemType("not-found"));
      // Indistinguishable from an id that exists nowhere.
      const nowhere = await send<ProblemBody>(
        db(),
        apiRequest("GET", p.replace(aSnapshot, randomUUID()), { key: bKey }),
      );
      expect({ ...other.body, instance: "" }).toEqual({ ...nowhere.body, instance: "" });
    }

    // Endpoints without ids answer with the key's own organization only.
    const bList = await send<{ data: unknown[] }>(db(), apiRequest("GET", "/imports", { key: bKey }));
    expect(bList.body.data).toHaveLength(0);
    const aList = await send<{ data: unknown[] }>(db(), apiRequest("GET", "/imports", { key: aKey }));
    expect(aList.body.data).toHaveLength(2);
    const bReport = await send<ProblemBody>(db(), apiRequest("GET", "/report", { key: bKey }));
    expect(bReport.status).toBe(404);
    const bOrg = await send<{ slug: string }>(db(), apiRequest("GET", "/organization", { key: bKey }));
    expect(bOrg.body.slug).toBe(b.org.slug);
    await send(db(), apiRequest("PATCH", "/organization", { key: bKey, json: { employeeCount: 12 } }));
    expect((await orgRow(a.org.id)).employeeCount).toBeNull();
    expect((await orgRow(b.org.id)).employeeCount).toBe(12);
    // The same file in B is not a duplicate of A's.
    const bImport = await importCsv(bKey, variant(7));
    expect(bImport.status).toBe(201);
    const bSnapshot = bImport.body.snapshotId;
    // Two uploads of different organizations cannot be compared, in either order, by either key.
    for (const [p, key] of [
      [`/imports/${aSnapshot}/compare?to=${bSnapshot}`, aKey],
      [`/imports/${bSnapshot}/compare?to=${aSnapshot}`, aKey],
      [`/imports/${aSnapshot}/compare?to=${bSnapshot}`, bKey],
      [`/imports/${bSnapshot}/compare?to=${aSnapshot}`, bKey],
    ] as const) {
      const mixed = await send<ProblemBody>(db(), apiRequest("GET", p, { key }));
      expect(mixed.status, p).toBe(404);
      expect(mixed.body.type).toBe(problemType("not-found"));
      expect(JSON.stringify(mixed.body)).not.toMatch(/Rep 9|Rep 7|acme/);
    }
    expect(
      (await send(db(), apiRequest("GET", `/imports/${bSnapshot}/compare?to=${bSnapshot}`, { key: bKey })))
        .status,
    ).toBe(200);
  });

  it("keeps a key working for the organization after the admin who made it leaves", async () => {
    const t = await newTenant(db(), "org-owned");
    const admin = await addMember(db(), t.org.id, "admin");
    const key = await admin.caller.apiKeys.create({
      orgSlug: t.org.slug,
      name: "made by admin",
      scope: "read_write",
    });
    await db()
      .delete(memberships)
      .where(and(eq(memberships.organizationId, t.org.id), eq(memberships.userId, admin.user.id)));
    await expect(admin.caller.apiKeys.list({ orgSlug: t.org.slug })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const res = await importCsv(key.key, fixture);
    expect(res.status).toBe(201);
    const [snap] = await db().select().from(teamSnapshots).where(eq(teamSnapshots.id, res.body.snapshotId));
    expect(snap?.organizationId).toBe(t.org.id);
  });
});

describe("scenarios", () => {
  type ScenarioBody = {
    id: string;
    name: string;
    snapshotId: string;
    snapshotDeleted: boolean;
    rebaseSnapshotId: string | null;
    author: string;
    content: { moves: { row: number; to: string }[]; assumptions: { quarters: number } };
  };
  const assumptions = {
    quarters: 6,
    roles: {
      inside: { attritionPerYear: 0.1, rampMonths: 3, hiresPerQuarter: 1 },
      outside: { attritionPerYear: 0.2, rampMonths: 6, hiresPerQuarter: 0 },
      hybrid: { attritionPerYear: 0.15, rampMonths: 4, hiresPerQuarter: 0 },
    },
  };

  it("saves, reads back, changes and deletes a scenario, audited as the key", async () => {
    const t = await newTenant(db(), "scen-rest");
    const key = (await createKey(t, "read_write", "Planner sync")).key;
    const snapshotId = (await importCsv(key, fixture)).body.snapshotId;
    // Row 4 is Cleo Park, a field rep (the header is row 1).
    const created = await send<ScenarioBody>(
      db(),
      apiRequest("POST", "/scenarios", {
        key,
        json: { name: "Plan A", content: { moves: [{ row: 4, to: "hybrid" }], assumptions } },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Plan A",
      snapshotId,
      snapshotDeleted: false,
      author: expect.stringContaining("Planner sync"),
    });
    const id = created.body.id;
    const read = await send<ScenarioBody>(db(), apiRequest("GET", `/scenarios/${id}`, { key }));
    expect(read.body.content).toEqual({ moves: [{ row: 4, to: "hybrid" }], assumptions });
    const patched = await send<ScenarioBody>(
      db(),
      apiRequest("PATCH", `/scenarios/${id}`, { key, json: { name: "Plan A2" } }),
    );
    expect(patched.body.name).toBe("Plan A2");
    expect(patched.body.content.moves).toHaveLength(1);
    const list = await send<{ data: ScenarioBody[] }>(db(), apiRequest("GET", "/scenarios", { key }));
    expect(list.body.data.map((s) => s.name)).toEqual(["Plan A2"]);
    const deleted = await send(db(), apiRequest("DELETE", `/scenarios/${id}`, { key }));
    expect(deleted.body).toEqual({ id, deleted: true });
    expect((await send(db(), apiRequest("GET", `/scenarios/${id}`, { key }))).status).toBe(404);
    const actions = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.targetId, id)));
    expect(actions.map((a) => a.action).sort()).toEqual([
      "scenario.created",
      "scenario.deleted",
      "scenario.updated",
    ]);
  });

  it("refuses bad input with a clear problem and saves nothing", async () => {
    const t = await newTenant(db(), "scen-bad");
    const key = (await createKey(t, "read_write")).key;
    await importCsv(key, fixture);
    const post = (json: unknown) => send<ProblemBody>(db(), apiRequest("POST", "/scenarios", { key, json }));
    const cases: [unknown, string][] = [
      [
        { name: "x", content: { moves: [{ row: 99, to: "inside" }], assumptions } },
        "Move 1: row 99 is not a rep of this snapshot.",
      ],
      [
        {
          name: "x",
          content: {
            moves: [
              { row: 4, to: "inside" },
              { row: 4, to: "hybrid" },
            ],
            assumptions,
          },
        },
        "Move 2: Cleo Park (row 4) is moved twice.",
      ],
      [
        {
          name: "x",
          content: { moves: [2, 3, 4, 5, 6, 7].map((row) => ({ row, to: "hybrid" })), assumptions },
        },
        "6 moves, but the snapshot has only 5 reps.",
      ],
      [
        {
          name: "x",
          content: {
            moves: [],
            assumptions: {
              ...assumptions,
              roles: {
                ...assumptions.roles,
                inside: { ...assumptions.roles.inside, attritionPerYear: -0.2 },
              },
            },
          },
        },
        "Attrition cannot be negative.",
      ],
      [
        { name: "x", content: { moves: [], assumptions: { ...assumptions, quarters: 20 } } },
        "Plan at most 8 quarters.",
      ],
      [{ name: "  " }, "A scenario needs a name."],
    ];
    for (const [json, message] of cases) {
      const res = await post(json);
      expect(res.status, message).toBe(422);
      expect(res.body.type).toBe(problemType("validation"));
      expect(res.body.detail).toContain(message);
    }
    const list = await send<{ data: unknown[] }>(db(), apiRequest("GET", "/scenarios", { key }));
    expect(list.body.data).toEqual([]);
    // A read key reads but does not write.
    const readKey = (await createKey(t, "read")).key;
    const refused = await send<ProblemBody>(
      db(),
      apiRequest("POST", "/scenarios", { key: readKey, json: { name: "x" } }),
    );
    expect(refused.status).toBe(403);
    expect((await send(db(), apiRequest("GET", "/scenarios", { key: readKey }))).status).toBe(200);
  });

  it("another organization's scenario is a 404, and its own key reads it (the twin)", async () => {
    const a = await newTenant(db(), "scen-a");
    const b = await newTenant(db(), "scen-b");
    const aKey = (await createKey(a, "read_write")).key;
    const bKey = (await createKey(b, "read_write")).key;
    const aSnapshot = (await importCsv(aKey, fixture)).body.snapshotId;
    await importCsv(bKey, fixture);
    const id = (
      await send<ScenarioBody>(
        db(),
        apiRequest("POST", "/scenarios", { key: aKey, json: { name: "A only" } }),
      )
    ).body.id;
    expect((await send(db(), apiRequest("GET", `/scenarios/${id}`, { key: aKey }))).status).toBe(200);
    for (const [method, json] of [["GET"], ["PATCH", { name: "taken" }], ["DELETE"]] as const) {
      const other = await send<ProblemBody>(
        db(),
        apiRequest(method, `/scenarios/${id}`, { key: bKey, json }),
      );
      expect(other.status, method).toBe(404);
      expect(other.body.type).toBe(problemType("not-found"));
    }
    // B cannot start a scenario from A's upload either.
    const fromA = await send<ProblemBody>(
      db(),
      apiRequest("POST", "/scenarios", { key: bKey, json: { name: "x", snapshotId: aSnapshot } }),
    );
    expect(fromA.status).toBe(404);
    expect(
      (await send<{ data: unknown[] }>(db(), apiRequest("GET", "/scenarios", { key: bKey }))).body.data,
    ).toEqual([]);
    expect(
      (await send<ScenarioBody>(db(), apiRequest("GET", `/scenarios/${id}`, { key: aKey }))).body.name,
    ).toBe("A only");
  });

  it("a scenario whose upload was deleted says so, refuses new content, and rebases on the current upload", async () => {
    const t = await newTenant(db(), "scen-rebase");
    const key = (await createKey(t, "read_write")).key;
    const first = (await importCsv(key, fixture)).body.snapshotId;
    const created = await send<ScenarioBody>(
      db(),
      apiRequest("POST", "/scenarios", {
        key,
        json: { name: "Old", content: { moves: [{ row: 4, to: "inside" }], assumptions } },
      }),
    );
    const second = (await importCsv(key, variant(3), "?as_of=2026-11-30&period=Nov")).body.snapshotId;
    await t.caller.imports.delete({ orgSlug: t.org.slug, snapshotId: first });
    const read = await send<ScenarioBody>(db(), apiRequest("GET", `/scenarios/${created.body.id}`, { key }));
    expect(read.body).toMatchObject({ snapshotDeleted: true, rebaseSnapshotId: second });
    const refused = await send<ProblemBody>(
      db(),
      apiRequest("PATCH", `/scenarios/${created.body.id}`, {
        key,
        json: { content: { moves: [], assumptions } },
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/was deleted\. Rebase it on the current upload/);
    expect(refused.body.rebaseSnapshotId).toBe(second);
    const rebased = await send<ScenarioBody>(
      db(),
      apiRequest("PATCH", `/scenarios/${created.body.id}`, { key, json: { rebase: true } }),
    );
    expect(rebased.body).toMatchObject({
      snapshotId: second,
      snapshotDeleted: false,
      content: { moves: [], assumptions },
    });
  });
});

describe("contract coverage", () => {
  it("validated a success response of every operation in the OpenAPI document", () => {
    const document = buildOpenApiDocument();
    const expected: string[] = [];
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const success = Object.keys(op.responses).find((s) => s.startsWith("2"));
        expected.push(`${method.toUpperCase()} ${template} ${success}`);
      }
    }
    expect(expected.length).toBeGreaterThanOrEqual(7);
    for (const e of expected) expect(seenResponses, e).toContain(e);
    // Problems were validated too, for each 4xx family the API answers with.
    for (const status of ["400", "401", "403", "404", "409", "413", "415", "422", "429"]) {
      expect(
        [...seenResponses].some((s) => s.endsWith(` ${status}`)),
        status,
      ).toBe(true);
    }
  });
});
