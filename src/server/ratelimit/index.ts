import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ServiceError } from "../errors";

/** Each limit: how many attempts per window, and what the user is told when they hit it. */
const LIMITS = {
  signInAccount: { points: 10, duration: 15 * 60, message: "Too many sign-in attempts for this account." },
  signInIp: { points: 50, duration: 15 * 60, message: "Too many sign-in attempts from your network." },
  signUpIp: { points: 10, duration: 60 * 60, message: "Too many sign-ups from your network." },
  invitationsOrg: { points: 50, duration: 60 * 60, message: "This organization sent too many invitations." },
  apiKey: { points: 600, duration: 60, message: "Too many API requests with this key." },
} as const;
export type LimitName = keyof typeof LIMITS;

const globalForLimits = globalThis as unknown as { salesmixLimiters?: Map<LimitName, RateLimiterMemory> };

function limiter(name: LimitName) {
  globalForLimits.salesmixLimiters ??= new Map();
  let l = globalForLimits.salesmixLimiters.get(name);
  if (!l) {
    const { points, duration } = LIMITS[name];
    l = new RateLimiterMemory({ points, duration, keyPrefix: name });
    globalForLimits.salesmixLimiters.set(name, l);
  }
  return l;
}

/** Counts one attempt; throws TOO_MANY_REQUESTS with the wait in seconds once the limit is passed. */
export async function consume(name: LimitName, key: string, points = 1): Promise<void> {
  try {
    await limiter(name).consume(key, points);
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
  await limiter(name).delete(key);
}

function formatWait(seconds: number) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
