import "server-only";
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { processState } from "../state";

/** argon2id with the OWASP minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2ID = 2 as Algorithm;
export const PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the email is unknown, so both paths take the same time. */
export function timingDummyHash(): Promise<string> {
  const state = processState();
  state.timingDummyHash ??= hashPassword("timing-equaliser-not-a-password");
  return state.timingDummyHash;
}
