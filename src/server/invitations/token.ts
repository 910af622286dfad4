import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: the secret that travels in the link and nowhere else. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** Only this SHA-256 is stored, so a copy of the database cannot be turned into working links. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const invitationPath = (token: string) => `/invite/${token}`;
