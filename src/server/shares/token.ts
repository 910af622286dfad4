import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes (256 bits), base64url: the secret that travels in the link and nowhere else. */
export function newShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}

/** Only this SHA-256 is stored, so a copy of the database cannot be turned into working links. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 bytes in base64url without padding are exactly 43 characters of that alphabet. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const sharePath = (token: string) => `/s/${token}`;
