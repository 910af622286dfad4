import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/db";
import type { DatabaseHandle } from "@/server/db/client";
import { DEMO_LOGIN, seedDemo } from "@/server/seed/demo";
import { demoSeedPlan, DOCUMENTED_DEMO_PASSWORD } from "@/server/seed/plan";
import { verifyCredentials } from "@/server/auth/sessions";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("when the demo organization is seeded", () => {
  it("never in production unless SEED_DEMO=true asks, and then never with the published password", () => {
    expect(demoSeedPlan({ NODE_ENV: "production" })).toMatchObject({ seed: false });
    expect(demoSeedPlan({ NODE_ENV: "production", DATABASE_URL: "postgres://x/y" } as never)).toMatchObject({
      seed: false,
    });
    const asked = demoSeedPlan({ NODE_ENV: "production", SEED_DEMO: "true" });
    expect(asked).toMatchObject({ seed: true, generated: true });
    if (!asked.seed) throw new Error("expected a seed");
    expect(asked.password).not.toBe(DOCUMENTED_DEMO_PASSWORD);
    expect(asked.password.length).toBeGreaterThanOrEqual(20);
    const again = demoSeedPlan({ NODE_ENV: "production", SEED_DEMO: "true" });
    expect(again.seed && again.password).not.toBe(asked.password);
    expect(
      demoSeedPlan({ NODE_ENV: "production", SEED_DEMO: "true", DEMO_PASSWORD: "chosen-by-the-operator" }),
    ).toEqual({ seed: true, password: "chosen-by-the-operator", generated: false });
  });

  it("in development unless SEED_DEMO=false, with the documented login", () => {
    expect(demoSeedPlan({ NODE_ENV: "development" })).toEqual({
      seed: true,
      password: DOCUMENTED_DEMO_PASSWORD,
      generated: false,
    });
    expect(demoSeedPlan({ NODE_ENV: "development", SEED_DEMO: "false" })).toMatchObject({ seed: false });
    expect(demoSeedPlan({ NODE_ENV: "production", SEED_DEMO: "false" })).toMatchObject({ seed: false });
  });

  it("`npm start` on the embedded database asks for the demo with the README's login", async () => {
    const started = await import("node:child_process").then(({ spawnSync }) =>
      spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          // What scripts/start.mjs sets before it starts the server, without building or serving.
          `const { DEMO } = await import(process.cwd() + "/scripts/demo-login.mjs");
           const src = (await import("node:fs")).readFileSync("scripts/start.mjs", "utf8");
           const block = src.slice(src.indexOf("if (!process.env.DATABASE_URL) {"), src.indexOf("const port ="));
           eval(block);
           console.log(JSON.stringify({ seed: process.env.SEED_DEMO, password: process.env.DEMO_PASSWORD }));`,
        ],
        { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" }, encoding: "utf8" },
      ),
    );
    expect(JSON.parse(started.stdout)).toEqual({ seed: "true", password: DOCUMENTED_DEMO_PASSWORD });
    expect(DEMO_LOGIN.password).toBe(DOCUMENTED_DEMO_PASSWORD);
  });

  it("seeds a requested production demo with the random password: the published one does not sign in", async () => {
    const plan = demoSeedPlan({ NODE_ENV: "production", SEED_DEMO: "true" });
    if (!plan.seed) throw new Error("expected a seed");
    expect((await seedDemo(handle.db, plan.password)).created).toBe(true);
    expect(await verifyCredentials(handle.db, DEMO_LOGIN.email, DOCUMENTED_DEMO_PASSWORD)).toBeNull();
    expect((await verifyCredentials(handle.db, DEMO_LOGIN.email, plan.password))?.email).toBe(
      DEMO_LOGIN.email,
    );
  });
});
