import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { resolveAuthSecret, resolveAuthSecrets } from "../auth/secret";

/** A new signing secret: shown to the admin once, stored only encrypted. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/**
 * AES-256-GCM under a key derived from AUTH_SECRET, so a copy of the database alone cannot sign deliveries. While
 * AUTH_SECRET is being rotated, secrets sealed under an earlier value (AUTH_SECRET_PREVIOUS) still open.
 */
function keyOf(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "salesmix", "webhook signing secrets", 32));
}
function key(): Buffer {
  return keyOf(resolveAuthSecret());
}

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ct = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, ct] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ct) throw new Error("Unknown webhook secret format");
  let failure: unknown = null;
  for (const authSecret of resolveAuthSecrets()) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", keyOf(authSecret), Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    } catch (e) {
      failure = e; // sealed under another key: try the next
    }
  }
  throw failure instanceof Error ? failure : new Error("The webhook secret does not open under AUTH_SECRET");
}

export const SIGNATURE_HEADER = "SalesMix-Signature";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` — the scheme docs/api.md shows receivers how to check. */
export function signatureHeader(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** The receiver's check (used by the tests exactly as docs/api.md writes it): signature and a 5-minute window. */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number): boolean {
  const parts = new Map(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i), p.slice(i + 1)] as const;
    }),
  );
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest();
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
