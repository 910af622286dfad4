import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * Every environment variable the app reads, validated once. A bad value fails at start with a message that
 * names the variable. See the README's "Environment variables" section.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
      .optional(),
    /** Connection used for migrations and admin tasks when the app itself runs as a restricted role. */
    DATABASE_OWNER_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_OWNER_URL must be a postgres:// or postgresql:// URL")
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    /** The ordinary role the app's sessions run as, so row-level security applies; "none" keeps the login role. */
    DATABASE_APP_ROLE: z
      .string()
      .regex(
        /^[a-z_][a-z0-9_]*$/,
        "DATABASE_APP_ROLE must be a plain role name such as salesmix_app, or none",
      )
      .default("salesmix_app"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /**
     * Earlier values of AUTH_SECRET, comma-separated, while rotating it: still accepted to read session cookies,
     * webhook signing secrets and signed links made before the rotation; everything new uses AUTH_SECRET.
     */
    AUTH_SECRET_PREVIOUS: z
      .string()
      .regex(
        /^[^,\s]{32,}(?:,[^,\s]{32,})*$/,
        "AUTH_SECRET_PREVIOUS must be earlier AUTH_SECRET values (each at least 32 characters), comma-separated",
      )
      .optional(),
    APP_URL: z.url("APP_URL must be a URL such as https://salesmix.example.com").optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().default("SalesMix <no-reply@salesmix.local>"),
    /**
     * Unset: the demo organization is seeded on the embedded database and in development, never in production on
     * DATABASE_URL; "true" asks for it there too (random password printed once), "false" never seeds.
     */
    SEED_DEMO: z.enum(["true", "false"], "SEED_DEMO must be true or false").optional(),
    /** The demo owner's password when the demo is seeded (instead of the documented or a random one). */
    DEMO_PASSWORD: z
      .string()
      .min(12, "DEMO_PASSWORD must be at least 12 characters")
      .max(128, "DEMO_PASSWORD must be at most 128 characters")
      .optional(),
    /**
     * Which proxies' X-Forwarded-For/-Host/-Proto are believed: unset trusts none (the socket's address is the
     * client's); a number of hops, or addresses/CIDR ranges/loopback,linklocal,uniquelocal, comma-separated.
     */
    TRUST_PROXY: z
      .string()
      .regex(
        /^(?:false|[0-9]{1,3}|[0-9A-Za-z:./]+(?:\s*,\s*[0-9A-Za-z:./]+)*)$/,
        "TRUST_PROXY must be a number of hops or a comma-separated list of addresses/CIDR ranges such as 10.0.0.0/8,loopback",
      )
      .optional(),
    /** Sign-ups allowed per client IP per hour (the browser tests, all from one address, raise it). */
    SIGNUP_LIMIT_PER_HOUR: z.coerce
      .number()
      .int("SIGNUP_LIMIT_PER_HOUR must be a whole number")
      .min(1, "SIGNUP_LIMIT_PER_HOUR must be at least 1")
      .default(10),
    /** Sign-in attempts per client IP per 15 minutes (the load benchmark, from one address, raises it). */
    SIGNIN_IP_LIMIT_PER_15_MIN: z.coerce
      .number()
      .int("SIGNIN_IP_LIMIT_PER_15_MIN must be a whole number")
      .min(1, "SIGNIN_IP_LIMIT_PER_15_MIN must be at least 1")
      .default(50),
    /** A session unused for this many minutes ends (it ends 30 days after sign-in in any case). */
    SESSION_IDLE_TIMEOUT_MINUTES: z.coerce
      .number()
      .int("SESSION_IDLE_TIMEOUT_MINUTES must be a whole number")
      .min(5, "SESSION_IDLE_TIMEOUT_MINUTES must be at least 5")
      .max(43_200, "SESSION_IDLE_TIMEOUT_MINUTES must be at most 43200 (30 days)")
      .default(720),
    /** PostgreSQL connections per server process (npm start runs one process per core). */
    DATABASE_POOL_SIZE: z.coerce
      .number()
      .int("DATABASE_POOL_SIZE must be a whole number")
      .min(1, "DATABASE_POOL_SIZE must be at least 1")
      .max(100, "DATABASE_POOL_SIZE must be at most 100")
      .default(10),
    /** "true" lets webhooks go to private, loopback and link-local addresses and over plain HTTP in production. */
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: z.enum(["true", "false"]).default("false"),
    /** "false" runs no job worker in this process (emails and webhook deliveries then wait for another). */
    JOBS_WORKER: z.enum(["true", "false"]).default("true"),
    /** How often an idle job worker looks for due jobs, in milliseconds. */
    JOBS_POLL_MS: z.coerce
      .number()
      .int("JOBS_POLL_MS must be a whole number")
      .min(50, "JOBS_POLL_MS must be at least 50")
      .default(1000),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "true",
});
