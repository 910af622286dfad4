import "server-only";
import { eq } from "drizzle-orm";
import { organizations } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { turnOffNotification } from "./preferences";
import { verifyUnsubscribeToken, type UnsubscribeClaim } from "./unsubscribe-token";

export type UnsubscribeCheck =
  | { ok: true; claim: UnsubscribeClaim; organizationName: string | null; organizationSlug: string | null }
  | { ok: false };

/** What an unsubscribe link would do, for the confirmation page; a malformed or tampered link is refused (`ok: false`). */
export async function checkUnsubscribe(db: Database, token: string | null): Promise<UnsubscribeCheck> {
  const verified = verifyUnsubscribeToken(token);
  if (!verified.ok) return { ok: false };
  const [org] = await db
    .select({ name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, verified.claim.organizationId));
  return {
    ok: true,
    claim: verified.claim,
    organizationName: org?.name ?? null,
    organizationSlug: org?.slug ?? null,
  };
}

/**
 * One-click unsubscribe (RFC 8058): the signed link alone, no session, turns off the one kind of email it names for
 * the one member and organization it names. Doing it twice, or after the member left, changes nothing and says so.
 */
export async function unsubscribe(
  db: Database,
  token: string | null,
): Promise<UnsubscribeCheck & { changed?: boolean }> {
  const checked = await checkUnsubscribe(db, token);
  if (!checked.ok || checked.organizationName === null) return { ...checked, changed: false };
  const { claim } = checked;
  const changed = await withTenant(db, claim.organizationId, (tx) =>
    turnOffNotification(tx, claim.organizationId, claim.userId, claim.kind),
  );
  return { ...checked, changed };
}
