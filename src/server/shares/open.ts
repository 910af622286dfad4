import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { organizations, reps, scenarios, shareLinks, teamSnapshots, type Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withSecretLookup, withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { ServiceError } from "../errors";
import { verifyPassword } from "../auth/password";
import { resolveAuthSecrets } from "../auth/secret";
import { consume, LIMITS, peek, reset } from "../ratelimit";
import { processState } from "../state";
import { getReport, type Report } from "../reports/report";
import { evaluateScenario, type EvaluatedScenario } from "../planner/data";
import type { ShareRedaction } from "../db/schema";
import { emptyTeamSummary } from "@/lib/benchmarks/summary";
import { hashShareToken, SHARE_TOKEN_PATTERN } from "./token";

/**
 * Opening a share link: the only path in the app that starts from a share token. It needs no session and reads
 * none; the token's hash finds the link (row-level security shows exactly that row), and from there every read
 * is scoped to the link's organization and its one upload. Nothing here is cached: a revoked or expired link is
 * refused on the very next request.
 */

export type ShareRefusal =
  | { status: "invalid" }
  | { status: "expired"; expiredAt: Date }
  | { status: "revoked"; revokedAt: Date }
  | { status: "gone" };

export interface RosterRow {
  row: number;
  name: string;
  role: "inside" | "outside" | "hybrid";
  team: string | null;
  title: string | null;
  quotaAttainment: number | null;
}

export interface SharedReport {
  shareId: string;
  redaction: ShareRedaction;
  expiresAt: Date;
  report: Report;
  /** The saved scenario, when the link includes one that still starts from this upload. */
  scenario: EvaluatedScenario | null;
  /** The link included a scenario that was since deleted or rebased on another upload. */
  scenarioUnavailable: boolean;
  /** With names only: the reps of the upload, without email or pay. */
  roster: RosterRow[] | null;
  rosterTruncated: boolean;
}

export type ShareOpening =
  | ShareRefusal
  | { status: "locked"; attemptsLeft: number; retryAfterSeconds: number | null }
  | { status: "open"; shared: SharedReport };

export type ShareUnlock =
  | ShareRefusal
  | { status: "unlocked"; cookie: { value: string; maxAgeSeconds: number } | null }
  | { status: "wrong_password"; attemptsLeft: number; retryAfterSeconds: number | null }
  | { status: "rate_limited"; retryAfterSeconds: number };

/** The cookie that says "the password of this link was given" (path-scoped to the link, no account, no session). */
export const SHARE_UNLOCK_COOKIE = "salesmix_share_unlock";
/** How long a correct password keeps the link open in that browser (never past the link's expiry). */
const UNLOCK_TTL_MS = 12 * 60 * 60 * 1000;
export const ROSTER_MAX = 2_000;

type FoundShare = NonNullable<Awaited<ReturnType<typeof findShare>>>;

async function findShare(db: Database, token: string) {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashShareToken(token);
  const [row] = await withSecretLookup(db, "token_hash", tokenHash, (tx) =>
    tx
      .select({
        link: shareLinks,
        organization: organizations,
        expired: sql<boolean>`${shareLinks.expiresAt} <= now()`,
      })
      .from(shareLinks)
      .innerJoin(organizations, eq(organizations.id, shareLinks.organizationId))
      .where(eq(shareLinks.tokenHash, tokenHash)),
  );
  return row ?? null;
}

function refusalOf(found: FoundShare | null): ShareRefusal | null {
  if (!found) return { status: "invalid" };
  if (found.link.revokedAt) return { status: "revoked", revokedAt: found.link.revokedAt };
  if (found.expired) return { status: "expired", expiredAt: found.link.expiresAt };
  return null;
}

/** AUTH_SECRET seals new unlock cookies; AUTH_SECRET_PREVIOUS still opens those sealed before a rotation. */
function unlockSecrets() {
  const state = processState();
  return (state.authSecrets ??= resolveAuthSecrets());
}

function unlockMac(link: FoundShare["link"], expiresAtMs: number, secret = unlockSecrets()[0]!) {
  return createHmac("sha256", secret)
    .update(`share-unlock\n${link.id}\n${link.tokenHash}\n${expiresAtMs}`)
    .digest("base64url");
}

function unlockCookieFor(link: FoundShare["link"]) {
  const expiresAtMs = Math.min(Date.now() + UNLOCK_TTL_MS, link.expiresAt.getTime());
  return {
    value: `${expiresAtMs}.${unlockMac(link, expiresAtMs)}`,
    maxAgeSeconds: Math.max(1, Math.floor((expiresAtMs - Date.now()) / 1000)),
  };
}

function validUnlock(link: FoundShare["link"], value: string | null | undefined) {
  if (!value) return false;
  const [exp, mac] = value.split(".");
  const expiresAtMs = Number(exp);
  if (!mac || !Number.isSafeInteger(expiresAtMs) || expiresAtMs <= Date.now()) return false;
  const given = Buffer.from(mac);
  return unlockSecrets().some((secret) => {
    const expected = Buffer.from(unlockMac(link, expiresAtMs, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

const attemptKeys = (shareId: string, ip: string | null) => ({
  ip: `${shareId}:${ip ?? "unknown"}`,
  link: shareId,
});

/** Attempts left before the password form refuses: the smaller of the per-client and the per-link allowance. */
async function attemptsLeft(shareId: string, ip: string | null) {
  const keys = attemptKeys(shareId, ip);
  const [byIp, byLink] = await Promise.all([
    peek("sharePasswordIp", keys.ip),
    peek("sharePasswordLink", keys.link),
  ]);
  const left = Math.max(
    0,
    Math.min(LIMITS.sharePasswordIp.points - byIp.points, LIMITS.sharePasswordLink.points - byLink.points),
  );
  const waits = [
    LIMITS.sharePasswordIp.points - byIp.points <= 0 ? byIp.msBeforeNext : 0,
    LIMITS.sharePasswordLink.points - byLink.points <= 0 ? byLink.msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  return { left, retryAfterSeconds: left > 0 ? null : Math.max(1, Math.ceil(wait / 1000)) };
}

/**
 * Checks a link's password. Each attempt counts against the client and the link (rate-limiter-flexible, in the
 * database when DATABASE_URL is set); once either allowance is spent the link refuses passwords until the
 * window ends, without running argon2. A correct password returns the unlock cookie.
 */
export async function unlockShare(
  db: Database,
  token: string,
  password: string,
  ip: string | null,
): Promise<ShareUnlock> {
  const found = await findShare(db, token);
  const refused = refusalOf(found);
  if (refused || !found) return refused ?? { status: "invalid" };
  if (!found.link.passwordHash) return { status: "unlocked", cookie: null };
  const keys = attemptKeys(found.link.id, ip);
  try {
    await consume("sharePasswordIp", keys.ip);
    await consume("sharePasswordLink", keys.link);
  } catch (e) {
    if (e instanceof ServiceError && e.code === "TOO_MANY_REQUESTS")
      return { status: "rate_limited", retryAfterSeconds: e.details?.retryAfterSeconds ?? 60 };
    throw e;
  }
  if (password && (await verifyPassword(found.link.passwordHash, password))) {
    await reset("sharePasswordIp", keys.ip);
    return { status: "unlocked", cookie: unlockCookieFor(found.link) };
  }
  const { left, retryAfterSeconds } = await attemptsLeft(found.link.id, ip);
  return { status: "wrong_password", attemptsLeft: left, retryAfterSeconds };
}

/**
 * Opens a link for one page view: refuses an unknown, revoked or expired link, asks for the password when the
 * link has one and `unlock` is not its valid cookie, and otherwise counts the view (count, last viewed, an audit
 * row) in the same statement that checks the link is still usable, then builds the report of its upload.
 */
export async function openShare(
  db: Database,
  token: string,
  opts: { unlock?: string | null; ip: string | null },
): Promise<ShareOpening> {
  const found = await findShare(db, token);
  const refused = refusalOf(found);
  if (refused || !found) return refused ?? { status: "invalid" };
  const { link, organization } = found;
  if (link.passwordHash && !validUnlock(link, opts.unlock)) {
    const { left, retryAfterSeconds } = await attemptsLeft(link.id, opts.ip);
    return { status: "locked", attemptsLeft: left, retryAfterSeconds };
  }
  const viewed = await withTenant(db, organization.id, async (tx) => {
    const [snapshot] = await tx
      .select({ id: teamSnapshots.id, status: teamSnapshots.status })
      .from(teamSnapshots)
      .where(and(eq(teamSnapshots.organizationId, organization.id), eq(teamSnapshots.id, link.snapshotId)));
    if (!snapshot || snapshot.status !== "completed") return { status: "gone" } as const;
    const [counted] = await tx
      .update(shareLinks)
      .set({ viewCount: sql`${shareLinks.viewCount} + 1`, lastViewedAt: new Date() })
      .where(
        and(
          eq(shareLinks.organizationId, organization.id),
          eq(shareLinks.id, link.id),
          isNull(shareLinks.revokedAt),
          gt(shareLinks.expiresAt, sql`now()`),
        ),
      )
      .returning({ viewCount: shareLinks.viewCount });
    // Revoked (or expired) between the lookup and now: refused like any other request after it.
    if (!counted) return { status: "revoked", revokedAt: new Date() } as const;
    await recordAudit(tx, {
      organizationId: organization.id,
      actor: { kind: "system", label: "Share link" },
      action: "share.viewed",
      targetType: "share_link",
      targetId: link.id,
      ip: opts.ip,
      data: { views: counted.viewCount },
    });
    return null;
  });
  if (viewed) return viewed;
  return { status: "open", shared: await sharedReport(db, organization, link) };
}

async function sharedReport(
  db: Database,
  org: Organization,
  link: FoundShare["link"],
): Promise<SharedReport> {
  const report = await getReport(db, org, { snapshotId: link.snapshotId });
  if (!report) throw new Error(`share ${link.id}: its upload has no report`);
  const withNames = link.redaction === "names";
  let scenario: EvaluatedScenario | null = null;
  let scenarioUnavailable = false;
  if (link.scenarioId) {
    const [row] = await withTenant(db, org.id, (tx) =>
      tx
        .select({ snapshotId: scenarios.snapshotId })
        .from(scenarios)
        .where(and(eq(scenarios.organizationId, org.id), eq(scenarios.id, link.scenarioId!))),
    );
    if (row?.snapshotId === link.snapshotId) {
      // The link's own context: read-only, as the link's organization, for its one upload.
      const evaluated = await evaluateScenario(
        {
          db,
          org,
          role: "viewer",
          actor: { kind: "system", label: "Share link" },
          ip: null,
          currentSnapshotId: link.snapshotId,
        },
        link.scenarioId,
      );
      scenario = withNames
        ? evaluated
        : { ...evaluated, scenario: { ...evaluated.scenario, author: "", snapshotLabel: "" } };
    } else scenarioUnavailable = true;
  }
  let roster: RosterRow[] | null = null;
  let rosterTruncated = false;
  if (withNames) {
    const rows = await withTenant(db, org.id, (tx) =>
      tx
        .select({
          row: reps.rowNumber,
          name: reps.name,
          role: reps.role,
          team: reps.team,
          title: reps.title,
          quotaAttainment: reps.quotaAttainment,
        })
        .from(reps)
        .where(and(eq(reps.organizationId, org.id), eq(reps.snapshotId, link.snapshotId)))
        .orderBy(asc(reps.rowNumber))
        .limit(ROSTER_MAX + 1),
    );
    rosterTruncated = rows.length > ROSTER_MAX;
    roster = rows.slice(0, ROSTER_MAX);
  }
  return {
    shareId: link.id,
    redaction: link.redaction,
    expiresAt: link.expiresAt,
    // Aggregates only: nothing that could name a person or give one person's pay: not the uploaded file's name,
    // not the team and title lists (a team may be named after its lead), and not the raw per-role sums (a role
    // with one rep would carry that rep's pay; the analysis shows averages only from its minimum of reps).
    report: withNames
      ? report
      : {
          ...report,
          snapshot: { ...report.snapshot, fileName: "" },
          filter: { ...report.filter, options: { teams: [], titles: [] } },
          summary: emptyTeamSummary(),
        },
    scenario,
    scenarioUnavailable,
    roster,
    rosterTruncated,
  };
}
