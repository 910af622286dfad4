import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { queryRows, type DatabaseHandle } from "@/server/db/client";
import { rateLimits } from "@/server/db/schema";
import { consume, createLimiter, LIMITS } from "@/server/ratelimit";
import { ServiceError } from "@/server/errors";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ role: "salesmix_app" });
});
afterAll(async () => {
  await handle.close();
});

describe("rate limits kept in the database", () => {
  it("shares one counter between limiter instances (as between app instances) and says when to retry", async () => {
    // Two limiters on the same database stand for two app servers.
    const first = createLimiter("signInAccount", handle.db);
    const second = createLimiter("signInAccount", handle.db);
    const key = `ana-${Date.now()}@example.com`;
    for (let i = 0; i < LIMITS.signInAccount.points; i++) {
      await consume("signInAccount", key, 1, i % 2 ? first : second);
    }
    const err = await consume("signInAccount", key, 1, first).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe("TOO_MANY_REQUESTS");
    expect((err as ServiceError).message).toMatch(
      /Too many sign-in attempts for this account\. Try again in \d+ minutes?\./,
    );
    expect((err as ServiceError).details?.retryAfterSeconds).toBeGreaterThan(800);
    const [row] = await handle.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `signInAccount:${key}`));
    expect(row?.points).toBe(LIMITS.signInAccount.points + 1);
    // Another key is not affected.
    await expect(consume("signInAccount", `other-${key}`, 1, second)).resolves.toBeUndefined();
  });

  it("keeps the counters in an unlogged table: no WAL written or waited for on each API request", async () => {
    const [table] = await queryRows<{ persistence: string }>(
      handle.db,
      sql`select relpersistence as persistence from pg_class where relname = 'rate_limits'`,
    );
    expect(table?.persistence).toBe("u");
  });
});
