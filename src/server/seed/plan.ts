import { randomBytes } from "node:crypto";

/** The published demo password: only for a local trial, never a deployment. */
export const DOCUMENTED_DEMO_PASSWORD = "salesmix-demo-2026";

export type DemoSeedPlan =
  { seed: false; reason: string } | { seed: true; password: string; generated: boolean };

export interface DemoSeedSettings {
  NODE_ENV: string;
  SEED_DEMO?: "true" | "false" | undefined;
  DEMO_PASSWORD?: string | undefined;
}

/**
 * Whether this start seeds the demo organization, and with which owner password. A production server (the
 * Docker image, docker compose, any NODE_ENV=production start) seeds it only when SEED_DEMO=true says so, and then
 * with DEMO_PASSWORD or a random password printed once, never the published one. `npm start` on the embedded
 * database (the README's first command, a local trial) asks for it with the documented password
 * (scripts/start.mjs); development seeds it unless SEED_DEMO=false, with the documented login.
 */
export function demoSeedPlan(settings: DemoSeedSettings): DemoSeedPlan {
  if (settings.SEED_DEMO === "false") return { seed: false, reason: "SEED_DEMO=false" };
  if (settings.NODE_ENV === "production") {
    if (settings.SEED_DEMO !== "true")
      return { seed: false, reason: "production seeds the demo only with SEED_DEMO=true" };
    return settings.DEMO_PASSWORD
      ? { seed: true, password: settings.DEMO_PASSWORD, generated: false }
      : { seed: true, password: randomBytes(18).toString("base64url"), generated: true };
  }
  return { seed: true, password: settings.DEMO_PASSWORD ?? DOCUMENTED_DEMO_PASSWORD, generated: false };
}
