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
    const first = createLimiter("signInAccountFailures", handle.db);
    const second = createLimiter("signInAccountFailures", handle.db);
    const key = `ana-${Date.now()}@example.com`;
    for (let i = 0; i < LIMITS.signInAccountFailures.points; i++) {
      await consume("signInAccountFailures", key, 1, i % 2 ? first : second);
    }
    const err = await consume("signInAccountFailures", key, 1, first).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe("TOO_MANY_REQUESTS");
    expect((err as ServiceError).message).toMatch(
      /Too many wrong passwords for this account\. Try again in \d+ minutes?\./,
    );
    expect((err as ServiceError).details?.retryAfterSeconds).toBeGreaterThan(800);
    const [row] = await handle.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `signInAccountFailures:${key}`));
    expect(row?.points).toBe(LIMITS.signInAccountFailures.points + 1);
    // Another key is not affected.
    await expect(consume("signInAccountFailures", `other-${key}`, 1, second)).resolves.toBeUndefined();
  });

  it("starts a new window once the stored one has expired, and counts within a window", async () => {
    const limiter = createLimiter("apiKey", handle.db);
    const key = `key-${Date.now()}`;
    const stored = async () =>
      (
        await handle.db
          .select()
          .from(rateLimits)
          .where(eq(rateLimits.key, `apiKey:${key}`))
      )[0];
    const before = Date.now();
    await consume("apiKey", key, 1, limiter);
    await consume("apiKey", key, 2, limiter);
    let row = await stored();
    expect(row?.points).toBe(3);
    const windowEnd = row!.expire!.getTime();
    expect(windowEnd).toBeGreaterThanOrEqual(before + LIMITS.apiKey.duration * 1000 - 1000);
    expect(windowEnd).toBeLessThanOrEqual(Date.now() + LIMITS.apiKey.duration * 1000 + 1000);
    // The window ends: the next request starts a new one with its own points and a new end.
    await handle.db
      .update(rateLimits)
      .set({ expire: new Date(Date.now() - 1000) })
      .where(eq(rateLimits.key, `apiKey:${key}`));
    await consume("apiKey", key, 1, limiter);
    row = await stored();
    expect(row?.points).toBe(1);
    expect(row!.expire!.getTime()).toBeGreaterThan(Date.now() + LIMITS.apiKey.duration * 1000 - 5000);
    // Past the limit within the window: refused, and the counter says by how much.
    const err = await consume("apiKey", key, LIMITS.apiKey.points, limiter).catch((e: unknown) => e);
    expect((err as ServiceError).code).toBe("TOO_MANY_REQUESTS");
    expect((await stored())?.points).toBe(LIMITS.apiKey.points + 1);
  });

  it("keeps the counters in an unlogged table: no WAL written or waited for on each API request", async () => {
    const [table] = await queryRows<{ persistence: string }>(
      handle.db,
      sql`select relpersistence as persistence from pg_class where relname = 'rate_limits'`,
    );
    expect(table?.persistence).toBe("u");
  });
});
