import "server-only";
import {
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/env";
import { getDb } from "../db";
import type { Database } from "../db/client";
import { rateLimits } from "../db/schema";
import { ServiceError } from "../errors";

/** Each limit: how many attempts per window, and what the user is told when they hit it. */
export const LIMITS = {
  signInAccount: { points: 10, duration: 15 * 60, message: "Too many sign-in attempts for this account." },
  signInIp: {
    points: env.SIGNIN_IP_LIMIT_PER_15_MIN,
    duration: 15 * 60,
    message: "Too many sign-in attempts from your network.",
  },
  signUpIp: {
    points: env.SIGNUP_LIMIT_PER_HOUR,
    duration: 60 * 60,
    message: "Too many sign-ups from your network.",
  },
  invitationsOrg: { points: 50, duration: 60 * 60, message: "This organization sent too many invitations." },
  apiKey: { points: 600, duration: 60, message: "Too many API requests with this key." },
} as const;
export type LimitName = keyof typeof LIMITS;

/**
 * A limiter kept in the database (table rate_limits), so a limit holds across every app instance; or in memory,
 * for the single-process embedded default and for tests.
 */
export function createLimiter(name: LimitName, db: Database | null): RateLimiterAbstract {
  const { points, duration } = LIMITS[name];
  if (!db) return new RateLimiterMemory({ points, duration, keyPrefix: name });
  return new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, points, duration, keyPrefix: name });
}

const globalForLimits = globalThis as unknown as {
  salesmixLimiters?: Map<LimitName, Promise<RateLimiterAbstract>>;
};

function limiter(name: LimitName): Promise<RateLimiterAbstract> {
  globalForLimits.salesmixLimiters ??= new Map();
  let l = globalForLimits.salesmixLimiters.get(name);
  if (!l) {
    l = env.DATABASE_URL
      ? getDb().then((db) => createLimiter(name, db))
      : Promise.resolve(createLimiter(name, null));
    globalForLimits.salesmixLimiters.set(name, l);
  }
  return l;
}

/** Counts one attempt; throws TOO_MANY_REQUESTS with the wait in seconds once the limit is passed. */
export async function consume(
  name: LimitName,
  key: string,
  points = 1,
  using?: RateLimiterAbstract,
): Promise<void> {
  try {
    await (using ?? (await limiter(name))).consume(key, points);
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new ServiceError(
        "TOO_MANY_REQUESTS",
        `${LIMITS[name].message} Try again in ${formatWait(retryAfterSeconds)}.`,
        { retryAfterSeconds },
      );
    }
    throw e;
  }
}

/** Forget the attempts of a key, e.g. after a successful sign-in. */
export async function reset(name: LimitName, key: string): Promise<void> {
  await (await limiter(name)).delete(key);
}

function formatWait(seconds: number) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
