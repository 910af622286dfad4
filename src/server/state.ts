import "server-only";
import { LRUCache } from "lru-cache";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { DatabaseHandle } from "./db/client";
import type { JobWorker } from "./jobs/worker";
import type { LimitName } from "./ratelimit";
import type { Report } from "./reports/report";
import type { OpenApiDocument } from "./http/openapi";

/**
 * Everything the server keeps for the life of its process, in one place. The services are loaded twice in one
 * process (Next.js's server bundle for pages, the esbuild bundle of src/serve for the HTTP API and tRPC), so a
 * module-level cache would exist twice: pages would fill one copy and API calls the other, and clearing one would
 * leave the other. Pinned to globalThis, both copies share this one object.
 *
 * Nothing else in src/server holds process-level state: eslint.config.mjs refuses a module-level
 * `new Map/Set/WeakMap/WeakSet/LRUCache`, module-level `let` and `globalThis` outside this file.
 */
export interface ProcessState {
  /** The one database handle (PGlite must never be opened twice on one data folder). */
  db?: Promise<DatabaseHandle>;
  /** The start-up run (config check, migrations, seed), awaited by the server and by Next.js's instrumentation. */
  startup?: Promise<void>;
  /** The job worker of this process (src/server/jobs). */
  jobWorker?: JobWorker;
  /** The timer that offers the daily jobs (src/server/jobs/schedule.ts) while the worker runs. */
  jobSchedule?: ReturnType<typeof setInterval>;
  /** The rate limiters, one per limit. */
  limiters: Map<LimitName, Promise<RateLimiterAbstract>>;
  /** Reports of completed snapshots, by organization, snapshot, filter and profile (src/server/reports/report.ts). */
  reports: LRUCache<string, Report>;
  /** Session cookies already decrypted: the session id inside and when the token expires (auth/session-cookie.ts). */
  decodedSessionTokens: LRUCache<string, { sid: string | null; expiresAt: number }>;
  /** The secret that seals session cookies and signed links, once resolved. */
  authSecret?: string;
  /** AUTH_SECRET then AUTH_SECRET_PREVIOUS: every key that may have sealed what is read back, once resolved. */
  authSecrets?: string[];
  /** A real argon2id hash to verify unknown emails against, so both paths take the same time. */
  timingDummyHash?: Promise<string>;
  /** The SMTP transport of SMTP_URL. */
  smtp?: { url: string; transporter: Transporter<SMTPTransport.SentMessageInfo> };
  /** The OpenAPI document of /api/v1, built once. */
  openApiDocument?: OpenApiDocument;
  /** Values frozen by `deepFreeze` (src/server/immutable.ts), whose serialization may be kept. */
  immutable: WeakSet<object>;
}

/** Nothing is kept longer than an hour, so no copy of a deleted organization's report outlives it by more. */
const REPORT_KEEP_MS = 60 * 60 * 1000;

function createState(): ProcessState {
  return {
    limiters: new Map(),
    // Bounded: about 110 KB a report, serializations included.
    reports: new LRUCache({ max: 1_000, ttl: REPORT_KEEP_MS }),
    decodedSessionTokens: new LRUCache({ max: 10_000 }),
    immutable: new WeakSet(),
  };
}

const KEY = Symbol.for("salesmix.processState");
const pinned = globalThis as unknown as { [KEY]?: ProcessState };

/** The process's state, created on first use and shared by every copy of the services in the process. */
export function processState(): ProcessState {
  return (pinned[KEY] ??= createState());
}
