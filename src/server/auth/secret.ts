import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "@/env";

/**
 * The key that signs session cookies. Set AUTH_SECRET in production. For the zero-setup embedded default,
 * one is generated on first start and kept in the data folder, so restarts keep users signed in.
 */
export function resolveAuthSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is not set. With NODE_ENV=production and DATABASE_URL, set AUTH_SECRET to a random string " +
        "of at least 32 characters (e.g. `openssl rand -base64 32`).",
    );
  }
  const file = path.join(path.resolve(env.DATA_DIR), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

/**
 * Every key that may have sealed what the app reads back: AUTH_SECRET first (it seals everything new), then the
 * values in AUTH_SECRET_PREVIOUS while a rotation is under way.
 */
export function resolveAuthSecrets(): string[] {
  const previous = env.AUTH_SECRET_PREVIOUS ? env.AUTH_SECRET_PREVIOUS.split(",") : [];
  return [resolveAuthSecret(), ...previous.filter((p) => p !== env.AUTH_SECRET)];
}
