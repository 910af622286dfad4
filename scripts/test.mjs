// `npm test`: the whole gate, in the order that fails fastest: types, lint, formatting, unit and integration
// tests (vitest), then the browser tests against the production build.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (p) => path.join(root, "node_modules", p);
const steps = [
  ["Type check", [bin("typescript/bin/tsc"), "--noEmit", "-p", "."]],
  ["ESLint", [bin("eslint/bin/eslint.js"), "."]],
  ["Prettier", [bin("prettier/bin/prettier.cjs"), "--check", "."]],
  ["Vitest", [bin("vitest/vitest.mjs"), "run"]],
  ["Browser tests", [path.join(root, "scripts/e2e.mjs")]],
];
for (const [name, args] of steps) {
  console.info(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
  console.info(`=== ${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}
