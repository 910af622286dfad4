// Browser tests against the production build. Builds when needed; with TEST_DATABASE_URL the server runs on a
// fresh PostgreSQL database, otherwise on a fresh embedded PGlite folder.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp } from "./app-build.mjs";
import { findChromium } from "./find-browser.mjs";

const root = path.resolve(import.meta.dirname, "..");
const chromium = await findChromium();
if (!chromium) {
  const message = [
    "",
    "!!! No Chromium found for the browser tests. !!!",
    "    Install one:  sudo apt-get install -y chromium   (Debian/Ubuntu)",
    "             or:  npx playwright install chromium",
    "    or point CHROMIUM_PATH at a Chromium/Chrome binary.",
    "",
  ].join("\n");
  console.error(message);
  process.exit(process.env.CI ? 1 : 0);
}

if (process.env.E2E_SKIP_BUILD !== "true") {
  const status = buildApp();
  if (status !== 0) process.exit(status);
}

// Every test signs up from 127.0.0.1, so the per-IP sign-up limit is raised; one secret for the run's servers
// (the fault test starts a second one that must read the first one's sessions).
const env = {
  ...process.env,
  CHROMIUM_PATH: chromium,
  SIGNUP_LIMIT_PER_HOUR: "1000",
  SIGNIN_IP_LIMIT_PER_15_MIN: "1000",
  AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
};
env.E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "salesmix-e2e-"));

// A real SMTP server for the run: the app sends every email (verification, reset, sign-in links, invitations)
// over SMTP to it, and it keeps each message as a file in E2E_MAIL_DIR, where the tests read them
// (tests/e2e/mail.ts). Nothing leaves the machine.
const { SMTPServer } = await import("smtp-server");
env.E2E_MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "salesmix-e2e-mail-"));
let mailSeq = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const name = `${Date.now()}-${String(mailSeq++).padStart(5, "0")}`;
      const to = session.envelope.rcptTo.map((r) => r.address);
      const raw = Buffer.concat(chunks).toString("utf8");
      fs.writeFileSync(path.join(env.E2E_MAIL_DIR, `${name}.json.tmp`), JSON.stringify({ to, raw }));
      fs.renameSync(
        path.join(env.E2E_MAIL_DIR, `${name}.json.tmp`),
        path.join(env.E2E_MAIL_DIR, `${name}.json`),
      );
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, "127.0.0.1", resolve));
env.SMTP_URL = `smtp://127.0.0.1:${smtp.server.address().port}`;
let dropDb = null;
if (process.env.TEST_DATABASE_URL) {
  const { default: postgres } = await import("postgres");
  const name = `salesmix_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  env.E2E_DATABASE_URL = url.toString();
  dropDb = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

// Asynchronous, so this process keeps answering SMTP while the tests run.
const status = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
    { cwd: root, stdio: "inherit", env },
  );
  child.on("exit", (code) => resolve(code ?? 1));
});
await new Promise((resolve) => smtp.close(resolve));
if (dropDb) await dropDb();
fs.rmSync(env.E2E_DATA_DIR, { recursive: true, force: true });
fs.rmSync(env.E2E_MAIL_DIR, { recursive: true, force: true });
process.exit(status);
