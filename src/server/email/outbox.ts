import "server-only";
import { desc } from "drizzle-orm";
import { emailOutbox } from "../db/schema";
import type { Db } from "../db/client";

/** The latest messages of the development outbox (non-production only; the page checks that). */
export async function listOutbox(db: Db, limit = 50) {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}
