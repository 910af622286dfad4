import "server-only";
import {
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { sql } from "drizzle-orm";
import { env } from "@/env";
import { getDb } from "../db";
import type { Database } from "../db/client";
import { preparedFor } from "../db/prepared";
import { rateLimits } from "../db/schema";
import { ServiceError } from "../errors";
import { processState } from "../state";

/** Each limit: how many attempts per window, and what the user is told when they hit it. */
export const LIMITS = {
  /** Wrong passwords for one account from one client: counted (an hour), never refused by this counter itself. */
  signInFailures: { points: 100_000, duration: 60 * 60, message: "Too many wrong passwords." },
  /** The growing wait imposed on one account from one client after its free attempts (set by `block`). */
  signInDelay: { points: 1, duration: 15 * 60, message: "Too many wrong passwords from this device." },
  /** Wrong passwords for one account from every client together: past this, password sign-in is paused. */
  signInAccountFailures: {
    points: 100,
    duration: 15 * 60,
    message: "Too many wrong passwords for this account.",
  },
  /** Emails with a link (sign-in, reset, verification) per address and per client. */
  accountEmail: { points: 5, duration: 60 * 60, message: "Too many emails requested for this address." },
  accountEmailIp: { points: 20, duration: 60 * 60, message: "Too many emails requested from your network." },
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
  /** Password attempts on one share link from one client. */
  sharePasswordIp: { points: 5, duration: 15 * 60, message: "Too many wrong passwords for this link." },
  /** Password attempts on one share link from every client together (guessing spread over many addresses). */
  sharePasswordLink: { points: 50, duration: 60 * 60, message: "Too many wrong passwords for this link." },
} as const;
export type LimitName = keyof typeof LIMITS;

/**
 * A limiter kept in the database (table rate_limits), so a limit holds across every app instance; or in memory,
 * for the single-process embedded default and for tests.
 */
export function createLimiter(name: LimitName, db: Database | null): RateLimiterAbstract {
  const { points, duration } = LIMITS[name];
  if (!db) return new RateLimiterMemory({ points, duration, keyPrefix: name });
  return new PreparedRateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    points,
    duration,
    keyPrefix: name,
  });
}

interface StoredPoints {
  key: string;
  points: number;
  expire: Date | null;
}

type Upsert = (
  key: string,
  points: number,
  msDuration: number,
  forceExpire?: boolean,
) => Promise<StoredPoints>;
// Not in the library's type declarations, but its store-limiter contract: every limiter in it implements _upsert.
const libraryUpsert = (RateLimiterDrizzle.prototype as unknown as { _upsert: Upsert })._upsert;

/**
 * The library's counter with its one per-request statement prepared: the upsert of `consume` (every API call,
 * every sign-in) is built once and sent as a named statement, instead of being built by the query builder and
 * parsed and planned by PostgreSQL on every call. Same statement, same semantics: a new window starts when the
 * stored one has expired, else the points add up. Everything else (block, set, get, delete, clean-up) is the
 * library's.
 */
class PreparedRateLimiterDrizzle extends RateLimiterDrizzle {
  private readonly db: Database;

  constructor(opts: ConstructorParameters<typeof RateLimiterDrizzle>[0] & { storeClient: Database }) {
    super(opts);
    this.db = opts.storeClient;
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<StoredPoints> {
    if (forceExpire || msDuration <= 0) {
      return libraryUpsert.call(this, key, points, msDuration, forceExpire);
    }
    const now = new Date();
    const [row] = await upsertPoints(this.db).execute({
      key,
      points,
      now: now.toISOString(),
      expire: new Date(now.getTime() + msDuration).toISOString(),
    });
    return row!;
  }
}

const upsertPoints = preparedFor((db) => {
  const points = sql.placeholder("points");
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  const expire = sql`${sql.placeholder("expire")}::timestamptz`;
  const expired = sql`${rateLimits.expire} <= ${now}`;
  return db
    .insert(rateLimits)
    .values({ key: sql.placeholder("key"), points: sql`${points}::int`, expire })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${expired} then ${points}::int else ${rateLimits.points} + ${points}::int end`,
        expire: sql`case when ${expired} then ${expire} else ${rateLimits.expire} end`,
      },
    })
    .returning()
    .prepare("rate_limit_consume");
});

/** One limiter per limit for the process (src/server/state.ts), whichever copy of this module asks. */
function limiter(name: LimitName): Promise<RateLimiterAbstract> {
  const { limiters } = processState();
  let l = limiters.get(name);
  if (!l) {
    l = env.DATABASE_URL
      ? getDb().then((db) => createLimiter(name, db))
      : Promise.resolve(createLimiter(name, null));
    limiters.set(name, l);
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

/** Adds points without refusing; the points now counted in the key's window. */
export async function penalty(name: LimitName, key: string, points = 1): Promise<number> {
  const res = await (await limiter(name)).penalty(key, points);
  return res.consumedPoints;
}

/** Refuses the key for `seconds` from now (consume then throws TOO_MANY_REQUESTS with the wait). */
export async function block(name: LimitName, key: string, seconds: number): Promise<void> {
  await (await limiter(name)).block(key, seconds);
}

/** The points counted for a key and the milliseconds until its window ends (0 when nothing is counted). */
export async function peek(name: LimitName, key: string): Promise<{ points: number; msBeforeNext: number }> {
  const res = await (await limiter(name)).get(key);
  return res
    ? { points: res.consumedPoints, msBeforeNext: res.msBeforeNext }
    : { points: 0, msBeforeNext: 0 };
}

/** Forget the attempts of a key, e.g. after a successful sign-in. */
export async function reset(name: LimitName, key: string): Promise<void> {
  await (await limiter(name)).delete(key);
}

export function formatWait(seconds: number) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
