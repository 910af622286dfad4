import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs, support tickets). */
export const API_KEY_PREFIX = "smk_";
/** Random characters kept after the prefix for display: enough to tell keys apart, far too few to guess. */
const DISPLAY_RANDOM_CHARS = 8;
/** `smk_` + 32 random bytes in base64url (43 characters). */
const API_KEY_PATTERN = /^smk_[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  /** The whole key: shown to its creator once, never stored. */
  key: string;
  /** SHA-256 of the key, the only form kept in the database. */
  keyHash: string;
  /** The first characters, stored and shown in lists. */
  prefix: string;
}

export function generateApiKey(): NewApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, keyHash: hashApiKey(key), prefix: displayPrefix(key) };
}

/**
 * A plain SHA-256 is enough here: the key carries 256 random bits, so there is nothing to brute-force that a
 * slow password hash would protect, and a fast hash keeps every API request's lookup cheap.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + DISPLAY_RANDOM_CHARS);
}

/** Shape check before any database work: a malformed key is refused without a query. */
export function looksLikeApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}
