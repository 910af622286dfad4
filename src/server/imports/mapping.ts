import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { organizations, type Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit, type Actor } from "../audit";
import { mappingTargetSchema, normalizeHeader } from "@/lib/csv";
import { oneLineText } from "@/lib/validation/text";

/** The most columns one remembered mapping keeps (a wide export has a few dozen). */
export const MAX_REMEMBERED_COLUMNS = 500;

export const rememberedMappingInputSchema = z
  .record(oneLineText("A column name").min(1).max(500), mappingTargetSchema.nullable())
  .refine((m) => Object.keys(m).length <= MAX_REMEMBERED_COLUMNS, {
    message: `Keep at most ${MAX_REMEMBERED_COLUMNS} columns in the saved mapping`,
  });

/**
 * Replace the organization's remembered column mapping (what the next upload starts from) with `mapping`, keyed
 * by normalised header; an empty mapping forgets it. The upload page shows it and lets the user change or reset
 * it; an import that succeeds stores its own mapping again, as before.
 */
export async function saveRememberedMapping(
  db: Database,
  org: Organization,
  actor: Actor,
  input: z.input<typeof rememberedMappingInputSchema>,
  ip?: string | null,
) {
  const parsed = rememberedMappingInputSchema.parse(input);
  // Keys are stored normalised, as an import stores them, so "Base Pay" and "base_pay" are one entry.
  const mapping: Record<string, z.infer<typeof mappingTargetSchema> | null> = {};
  for (const [header, target] of Object.entries(parsed)) {
    const key = normalizeHeader(header);
    if (key) mapping[key] = target;
  }
  const columns = Object.keys(mapping).length;
  await withTenant(db, org.id, async (tx) => {
    await tx
      .update(organizations)
      .set({ lastImportMapping: columns === 0 ? null : mapping, updatedAt: new Date() })
      .where(eq(organizations.id, org.id));
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "import.mapping_changed",
      targetType: "organization",
      targetId: org.id,
      ip,
      data: { columns, reset: columns === 0 },
    });
  });
  return { remembered: mapping };
}
