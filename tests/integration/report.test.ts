import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { addMember, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { auditEvents, organizations } from "@/server/db/schema";
import { importTeam } from "@/server/imports/import-team";
import { ServiceError } from "@/server/errors";
import { exportReportCsv, REPORT_CSV_HEADER } from "@/server/reports/csv";
import { analyzeTeamCsv, iterateTeamRows } from "@/lib/csv";
import { analyzeTeam } from "@/lib/benchmarks";
import type { OrgProfile, Rep } from "@/lib/team/types";
import type { Actor } from "@/server/audit";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures", name));
const teamSmall = fixture("team-small.csv");
const e2eTeam = fixture("e2e-team.csv");

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

/** The reps of a file as the pure CSV library reads them: no database involved. */
function repsOf(bytes: Uint8Array): Rep[] {
  const analysis = analyzeTeamCsv(bytes);
  if (!analysis.ok || !analysis.preview.plan) throw new Error("fixture does not parse");
  const reps: Rep[] = [];
  for (const row of iterateTeamRows(bytes, analysis.preview.plan)) {
    if (!("rep" in row)) throw new Error(`fixture row ${row.row} is invalid`);
    reps.push(row.rep);
  }
  return reps;
}

/** The profile every tenant here gets: small band (revenue $20M), no sales-profile inputs but deal size. */
const PROFILE: OrgProfile = {
  annualRevenue: 20_000_000,
  employeeCount: 120,
  currency: "USD",
  typicalDealSize: 18_000,
  salesCycleDays: null,
  decisionMakers: null,
  customerEmployees: null,
};

async function orgRow(id: string) {
  const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw new Error("no org");
  return org;
}

/** A fresh tenant with the profile above and one upload of `bytes`. */
async function tenantWithTeam(label: string, bytes: Uint8Array, fileName = "team.csv", orgName?: string) {
  const t = await newTenant(handle.db, label);
  await t.caller.org.updateProfile({
    orgSlug: t.org.slug,
    annualRevenue: PROFILE.annualRevenue,
    employeeCount: PROFILE.employeeCount,
    currency: PROFILE.currency,
    typicalDealSize: PROFILE.typicalDealSize,
    ...(orgName ? { name: orgName } : {}),
  });
  const actor: Actor = { kind: "user", userId: t.user.id, label: t.user.email };
  const result = await importTeam(handle.db, {
    organization: await orgRow(t.org.id),
    role: "owner",
    actor,
    bytes,
    options: { asOf: "2026-09-30", period: "Last 90 days", fileName },
  });
  return { ...t, actor, snapshotId: result.snapshotId, org: await orgRow(t.org.id) };
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe("report.overview matches the pure engine", () => {
  it("gives the engine's analysis of the same reps for team-small.csv (and the hand-computed numbers)", async () => {
    const t = await tenantWithTeam("rep-small", teamSmall);
    const report = await t.caller.report.overview({ orgSlug: t.org.slug });
    expect(report).not.toBeNull();
    const reps = repsOf(teamSmall);
    expect(reps).toHaveLength(5);
    expect(report?.analysis).toEqual(analyzeTeam(reps, PROFILE));
    // The same numbers, worked out by hand from the five rows: 2 inside, 2 outside, 1 hybrid.
    const metrics = report?.analysis.metrics;
    expect(metrics?.headCount).toEqual({ inside: 2, outside: 2, hybrid: 1, total: 5 });
    expect(metrics?.mix.insideShare).toEqual({ kind: "value", value: 2.5 / 5, reps: 5 });
    // 104 % and 110 % of 5 attainments are at or above quota.
    expect(metrics?.byRole.all.shareAtOrAboveQuota).toEqual({ kind: "value", value: 2 / 5, reps: 5 });
    // Two inside reps are fewer than the 3 an average needs.
    expect(metrics?.byRole.inside.averages.ote).toEqual({ kind: "insufficient", needed: 3, have: 2 });
    expect(report?.bandInfo.band).toBe("small");
    expect(report?.snapshot.id).toBe(t.snapshotId);
  });

  it("gives the engine's analysis for a 20-rep team, with per-role averages", async () => {
    const t = await tenantWithTeam("rep-e2e", e2eTeam);
    const report = await t.caller.report.overview({ orgSlug: t.org.slug });
    const reps = repsOf(e2eTeam);
    expect(reps).toHaveLength(20);
    expect(report?.analysis).toEqual(analyzeTeam(reps, PROFILE));
    const metrics = report?.analysis.metrics;
    // 6 inside, 3 hybrid, 11 outside: (6 + 1.5) / 20.
    expect(metrics?.mix.insideShare).toMatchObject({ value: 0.375 });
    // 8 of the 19 reps with an attainment are at 100 % or more (one inside rep is at exactly 100 %).
    expect(metrics?.byRole.all.shareAtOrAboveQuota).toEqual({ kind: "value", value: 8 / 19, reps: 19 });
    // Five inside reps have an OTE: (95,000 + 92,000 + 80,000 + 101,000 + 83,000) / 5.
    expect(metrics?.byRole.inside.averages.ote).toEqual({ kind: "value", value: 90_200, reps: 5 });
    const bandGap = report?.analysis.gaps.find((g) => g.figureId === "mix.inside_share.small");
    expect(bandGap).toMatchObject({ orgValue: 0.375, status: "below", benchmark: { value: 0.47 } });
  });

  it("a filtered report equals the engine on that subset of reps", async () => {
    const t = await tenantWithTeam("rep-filter", e2eTeam);
    const reps = repsOf(e2eTeam);
    const cases: { team?: string; title?: string; match: (r: Rep) => boolean }[] = [
      { team: "Enterprise", match: (r) => r.team === "Enterprise" },
      { title: "Account Executive", match: (r) => r.title === "Account Executive" },
      {
        team: "Mid-Market",
        title: "Account Executive",
        match: (r) => r.team === "Mid-Market" && r.title === "Account Executive",
      },
    ];
    const unfiltered = await t.caller.report.overview({ orgSlug: t.org.slug });
    for (const c of cases) {
      const subset = reps.filter(c.match);
      expect(subset.length).toBeGreaterThan(0);
      expect(subset.length).toBeLessThan(reps.length);
      const report = await t.caller.report.overview({ orgSlug: t.org.slug, team: c.team, title: c.title });
      expect(report?.filter).toMatchObject({ team: c.team ?? null, title: c.title ?? null });
      expect(report?.analysis).toEqual(analyzeTeam(subset, PROFILE));
      expect(report?.analysis.metrics.headCount.total).toBe(subset.length);
      expect(report?.analysis).not.toEqual(unfiltered?.analysis);
    }
  });
});

describe("tenant isolation", () => {
  it("another organization's snapshot id is NOT_FOUND; the owner's own id works", async () => {
    const a = await tenantWithTeam("rep-iso-a", teamSmall);
    const b = await tenantWithTeam("rep-iso-b", e2eTeam);
    // Positive twin: each org reads its own snapshot by id.
    const own = await a.caller.report.overview({ orgSlug: a.org.slug, snapshotId: a.snapshotId });
    expect(own?.snapshot.id).toBe(a.snapshotId);
    expect(own?.analysis.metrics.headCount.total).toBe(5);
    const ownB = await b.caller.report.overview({ orgSlug: b.org.slug, snapshotId: b.snapshotId });
    expect(ownB?.analysis.metrics.headCount.total).toBe(20);
    // B asks for A's snapshot through B's org: not found, and nothing of A's team leaks.
    const err = await rejection(b.caller.report.overview({ orgSlug: b.org.slug, snapshotId: a.snapshotId }));
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("NOT_FOUND");
    // And B cannot read A's org at all.
    const orgErr = await rejection(b.caller.report.overview({ orgSlug: a.org.slug }));
    expect((orgErr as TRPCError).code).toBe("NOT_FOUND");
  });
});

/** The parsed CSV (BOM stripped), as header and rows of cells. */
function parseCsv(csv: string) {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { header, rows };
}

function rowOf(rows: string[][], section: string, item: string, scope = "") {
  const col = (name: (typeof REPORT_CSV_HEADER)[number]) => REPORT_CSV_HEADER.indexOf(name);
  const row = rows.find(
    (r) =>
      r[col("section")] === section && r[col("item")] === item && (scope === "" || r[col("scope")] === scope),
  );
  if (!row) throw new Error(`no row ${section}/${item}/${scope}`);
  return Object.fromEntries(REPORT_CSV_HEADER.map((h, i) => [h, row[i] ?? ""])) as Record<
    (typeof REPORT_CSV_HEADER)[number],
    string
  >;
}

const FORMULA_START = /^[=+\-@\t\r]/;

async function exportAudits(orgId: string) {
  return handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.action, "export.report")));
}

describe("report CSV export", () => {
  it("refuses a viewer (FORBIDDEN, no audit row) and serves an analyst the same numbers as the report", async () => {
    const t = await tenantWithTeam("rep-csv", e2eTeam);
    const viewer = await addMember(handle.db, t.org.id, "viewer");
    const viewerActor: Actor = { kind: "user", userId: viewer.user.id, label: viewer.user.email };
    const denied = await rejection(exportReportCsv(handle.db, t.org, "viewer", viewerActor, {}));
    expect(denied).toBeInstanceOf(ServiceError);
    expect((denied as ServiceError).code).toBe("FORBIDDEN");
    expect(await exportAudits(t.org.id)).toHaveLength(0);

    const analyst = await addMember(handle.db, t.org.id, "analyst");
    const actor: Actor = { kind: "user", userId: analyst.user.id, label: analyst.user.email };
    const { csv, fileName } = await exportReportCsv(handle.db, t.org, "analyst", actor, {}, "198.51.100.4");
    expect(fileName).toBe(`${t.org.slug}-report-2026-09-30.csv`);
    const { header, rows } = parseCsv(csv);
    expect(header).toEqual([...REPORT_CSV_HEADER]);
    expect(csv).toContain("\r\n");

    const report = await t.caller.report.overview({ orgSlug: t.org.slug });
    if (!report) throw new Error("no report");
    // Composition and the KPI numbers.
    expect(rowOf(rows, "composition", "inside_share")).toMatchObject({ value: "37.5%", reps: "20" });
    expect(rowOf(rows, "composition", "head_count", "outside").value).toBe("11");
    // Per-role averages carry the reps behind them; too few reps is said, not a number.
    expect(rowOf(rows, "role_average", "ote", "inside")).toMatchObject({
      value: "90200",
      reps: "5",
      status: "ok",
    });
    expect(rowOf(rows, "role_average", "ote", "hybrid")).toMatchObject({
      value: "112333.33",
      reps: "3",
      status: "ok",
    });
    expect(rowOf(rows, "role_average", "quotaAttainment", "hybrid")).toMatchObject({
      value: "",
      status: "insufficient",
      note: "not enough data (needs 3 reps, has 2)",
    });
    // Every gap is there, with the figure id, benchmark, status and flags.
    const gapRows = rows.filter((r) => r[0] === "gap");
    expect(gapRows.map((r) => r[1])).toEqual(report.analysis.gaps.map((g) => g.figureId));
    expect(rowOf(rows, "gap", "quota.hit_rate")).toMatchObject({
      value: "42.11%",
      benchmark: "60.9%",
      status: "below",
      assessment: "bad",
      figure_ids: "quota.hit_rate",
      basis: "band_free",
      fallback: "no",
      estimate: "no",
    });
    expect(rowOf(rows, "gap", "quota.hit_rate").difference).toBe("18.8 pts below (30.9% below relative)");
    expect(rowOf(rows, "gap", "mix.inside_share.small")).toMatchObject({
      value: "37.5%",
      benchmark: "47%",
      basis: "band",
    });
    expect(rowOf(rows, "gap", "pay.inside_am.ote")).toMatchObject({
      value: "90200",
      benchmark: "96299",
      status: "on_par",
    });
    // Cohort ratios are written as ratios (1 + premium), never as a negative number.
    const calls = report.analysis.gaps.find((g) => g.figureId === "activity.calls_premium");
    expect(calls?.orgValue).not.toBeNull();
    expect(Number(rowOf(rows, "gap", "activity.calls_premium").value)).toBeCloseTo(
      1 + (calls?.orgValue ?? 0),
      3,
    );
    expect(rowOf(rows, "gap", "activity.calls_premium").benchmark).toBe("1.4250");
    // Classification evidence and every recommendation with its figure ids.
    expect(rowOf(rows, "classification", "model").value).toBe(report.analysis.classification.model);
    expect(rowOf(rows, "classification", "deal_size")).toMatchObject({
      value: "18000",
      basis: "org_profile",
    });
    const recRows = rows.filter((r) => r[0] === "recommendation");
    expect(recRows).toHaveLength(report.analysis.recommendations.length);
    expect(recRows.length).toBeGreaterThan(0);
    for (const r of report.analysis.recommendations) {
      expect(rowOf(rows, "recommendation", r.id)).toMatchObject({
        value: String(r.rank),
        status: r.priority,
        figure_ids: r.figureIds.join(" "),
      });
    }
    // No cell starts like a formula.
    for (const cell of rows.flat()) expect(FORMULA_START.test(cell), cell).toBe(false);

    // Audited, once, with who, what and from where.
    const audits = await exportAudits(t.org.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorUserId: analyst.user.id,
      targetType: "snapshot",
      targetId: t.snapshotId,
      ip: "198.51.100.4",
      data: { format: "csv", asOf: "2026-09-30", team: null, title: null, reps: 20 },
    });
  });

  it("neutralises formula-looking text from the org and its file, and honours the filter", async () => {
    const risky = [
      "name,role,team,title,ote,quota_attainment",
      '"=HYPERLINK(""http://evil.test"")",inside,=1+2,@SUM(A1),90000,100%',
      "+Eve Plus,inside,=1+2,-2+3,91000,90%",
      "@Ann At,outside,=1+2,Account Executive,120000,110%",
      "Tab Rep,outside,Enterprise,Account Executive,125000,95%",
    ].join("\n");
    const t = await tenantWithTeam("rep-risky", new TextEncoder().encode(risky), "+team.csv", "=Risky Corp");
    const { csv } = await exportReportCsv(handle.db, t.org, "owner", t.actor, { team: "=1+2" });
    const { rows } = parseCsv(csv);
    expect(rowOf(rows, "report", "organization").value).toBe("'=Risky Corp");
    expect(rowOf(rows, "report", "snapshot_file").value).toBe("'+team.csv");
    expect(rowOf(rows, "report", "filter_team").value).toBe("'=1+2");
    // The filter applied: three reps in team "=1+2".
    expect(rowOf(rows, "report", "reps_in_report").value).toBe("3");
    expect(rowOf(rows, "composition", "head_count", "all").value).toBe("3");
    for (const cell of rows.flat()) {
      if (FORMULA_START.test(cell)) throw new Error(`formula-looking cell: ${cell}`);
    }
    const audits = await exportAudits(t.org.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.data).toMatchObject({ team: "=1+2", reps: 3 });
  });

  it("follows the current snapshot through a new upload, a mark, a delete and a profile change (nothing stale)", async () => {
    const t = await tenantWithTeam("current", teamSmall, "first.csv");
    const overview = async () => {
      const report = await t.caller.report.overview({ orgSlug: t.org.slug });
      if (!report) throw new Error("no report");
      return report;
    };
    const first = await overview();
    expect(first.snapshot.id).toBe(t.snapshotId);
    expect((await overview()).analysis.metrics.headCount.total).toBe(5);

    const second = await importTeam(handle.db, {
      organization: await orgRow(t.org.id),
      role: "owner",
      actor: t.actor,
      bytes: e2eTeam,
      options: { asOf: "2026-10-31", period: "October", fileName: "second.csv" },
    });
    const latest = await overview();
    expect([latest.snapshot.id, latest.snapshot.fileName]).toEqual([second.snapshotId, "second.csv"]);
    expect(latest.analysis.metrics.headCount.total).toBe(repsOf(e2eTeam).length);

    await t.caller.imports.setCurrent({ orgSlug: t.org.slug, snapshotId: t.snapshotId });
    expect((await overview()).snapshot.fileName).toBe("first.csv");
    await t.caller.imports.delete({ orgSlug: t.org.slug, snapshotId: t.snapshotId });
    expect((await overview()).snapshot.id).toBe(second.snapshotId);

    await t.caller.org.updateProfile({ orgSlug: t.org.slug, annualRevenue: 900_000_000 });
    const large = await overview();
    expect([large.bandInfo.band, large.analysis.band]).toEqual(["large", "large"]);
    expect(large.organization.profile.annualRevenue).toBe(900_000_000);

    await t.caller.imports.delete({ orgSlug: t.org.slug, snapshotId: second.snapshotId });
    expect(await t.caller.report.overview({ orgSlug: t.org.slug })).toBeNull();
  });

  it("an org without an upload gets NOT_FOUND and no audit row", async () => {
    const t = await newTenant(handle.db, "rep-empty");
    const org = await orgRow(t.org.id);
    const actor: Actor = { kind: "user", userId: t.user.id, label: t.user.email };
    const err = await rejection(exportReportCsv(handle.db, org, "owner", actor, {}));
    expect((err as ServiceError).code).toBe("NOT_FOUND");
    expect(await exportAudits(org.id)).toHaveLength(0);
  });
});
