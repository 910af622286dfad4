import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { env } from "@/env";

/**
 * Where webhooks may go. In production only HTTPS to public addresses; WEBHOOKS_ALLOW_PRIVATE_TARGETS=true (tests,
 * a receiver on your own network) also allows plain HTTP and private, loopback and link-local addresses.
 */
export interface TargetPolicy {
  allowPrivate: boolean;
}
export function defaultTargetPolicy(): TargetPolicy {
  return {
    allowPrivate: env.NODE_ENV !== "production" || env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === "true",
  };
}

const RANGES: [string, number, "ipv4" | "ipv6", string][] = [
  ["0.0.0.0", 8, "ipv4", "a reserved address"],
  ["10.0.0.0", 8, "ipv4", "a private address"],
  ["100.64.0.0", 10, "ipv4", "a shared (carrier-grade NAT) address"],
  ["127.0.0.0", 8, "ipv4", "a loopback address"],
  ["169.254.0.0", 16, "ipv4", "a link-local address"],
  ["172.16.0.0", 12, "ipv4", "a private address"],
  ["192.0.0.0", 24, "ipv4", "a reserved address"],
  ["192.168.0.0", 16, "ipv4", "a private address"],
  ["198.18.0.0", 15, "ipv4", "a benchmarking address"],
  ["224.0.0.0", 4, "ipv4", "a multicast address"],
  ["240.0.0.0", 4, "ipv4", "a reserved address"],
  ["::", 128, "ipv6", "the unspecified address"],
  ["::1", 128, "ipv6", "a loopback address"],
  ["fc00::", 7, "ipv6", "a private address"],
  ["fe80::", 10, "ipv6", "a link-local address"],
  ["ff00::", 8, "ipv6", "a multicast address"],
];

/** Why an address may not receive webhooks in production, or null when it may. */
export function refusedAddressReason(address: string): string | null {
  const family = net.isIP(address);
  if (family === 0) return "not an IP address";
  // IPv4 written inside IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return refusedAddressReason(mapped[1]);
  for (const [base, prefix, type, reason] of RANGES) {
    const list = new net.BlockList();
    list.addSubnet(base, prefix, type);
    if (list.check(address, family === 4 ? "ipv4" : "ipv6")) return reason;
  }
  return null;
}

export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetRefused";
  }
}

/** The URL's own rules (scheme, no credentials, length); addresses are checked when resolved. */
export function checkWebhookUrl(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new TargetRefused(
      "That is not a URL. Use a full address such as https://example.com/hooks/salesmix.",
    );
  }
  if (raw.length > 2000) throw new TargetRefused("The URL is longer than 2,000 characters.");
  if (url.protocol !== "https:" && !(policy.allowPrivate && url.protocol === "http:"))
    throw new TargetRefused(`Webhooks are sent over HTTPS only: the URL starts with “${url.protocol}//”.`);
  if (url.username || url.password)
    throw new TargetRefused("Put no user name or password in the URL: each delivery is signed instead.");
  return url;
}

function hostOf(url: URL) {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Resolves the host and refuses it if any of its addresses is private, loopback or link-local. */
export async function checkWebhookTarget(url: URL, policy: TargetPolicy): Promise<void> {
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = net.isIP(host)
      ? [host]
      : (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new TargetRefused(`The host ${host} could not be resolved.`);
  }
  if (policy.allowPrivate) return;
  for (const address of addresses) {
    const reason = refusedAddressReason(address);
    if (reason)
      throw new TargetRefused(
        `${host} resolves to ${address}, ${reason}; webhooks go to public addresses only.`,
      );
  }
}

export interface PostResult {
  statusCode: number;
  /** The start of the answer's body, for the delivery log. */
  excerpt: string;
  location: string | null;
}

const EXCERPT_BYTES = 1024;

/**
 * POSTs the body once. Redirects are not followed (the status is returned). The address every connection uses is
 * checked as it is resolved, so a name that resolves to a public address at registration and to a private one
 * later (DNS rebinding) is refused at delivery too. The answer is read up to 1 KB, then the connection is closed.
 */
export function postWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  policy: TargetPolicy,
  timeoutMs = 10_000,
): Promise<PostResult> {
  const host = hostOf(url);
  if (!policy.allowPrivate && net.isIP(host)) {
    const reason = refusedAddressReason(host);
    if (reason) return Promise.reject(new TargetRefused(`${host} is ${reason}.`));
  }
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as dns.LookupAddress[];
      const refused = policy.allowPrivate ? undefined : list.find((a) => refusedAddressReason(a.address));
      if (refused)
        return callback(
          new TargetRefused(
            `${hostname} resolves to ${refused.address}, ${refusedAddressReason(refused.address)}.`,
          ),
          "",
          4,
        );
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      callback(null, first.address, first.family);
    });
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        lookup,
        timeout: timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          resolve({
            statusCode: res.statusCode ?? 0,
            excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_BYTES),
            location: typeof res.headers.location === "string" ? res.headers.location : null,
          });
        };
        res.on("data", (c: Buffer) => {
          if (size >= EXCERPT_BYTES) return;
          chunks.push(c);
          size += c.length;
          if (size >= EXCERPT_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on("end", finish);
        res.on("error", () => finish());
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No answer within ${timeoutMs / 1000} s`)));
    req.on("error", reject);
    req.end(body);
  });
}
