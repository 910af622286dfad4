import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * What the SalesMix server checks on every request before any handler (its own or Next.js's) sees it: a Host
 * that is a host name (handlers build URLs from it), a request target that is a path, and forwarding headers
 * only from the proxies TRUST_PROXY names; the client's address is then the one proxy-addr finds (the socket's
 * when no proxy is trusted) and X-Forwarded-For carries that address alone.
 */

/** reg-name (letters, digits, `-`, `_`, `.`) or an IPv6 literal, then an optional port; no path, no user info. */
const HOST = /^(?:[A-Za-z0-9_.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?$/;
const FORWARDED_HOST_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

export type TrustProxy = (address: string, hop: number) => boolean;

export function isValidHost(host: string | undefined | null): host is string {
  return typeof host === "string" && HOST.test(host);
}

/**
 * TRUST_PROXY as written: empty or "false" trusts no proxy; a whole number n trusts the n nearest hops; else a
 * comma-separated list of addresses, CIDR ranges or proxy-addr's names (loopback, linklocal, uniquelocal).
 * Throws a readable error on a value proxy-addr cannot read.
 */
export function compileTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (text === "" || text === "false" || text === "0") return () => false;
  if (/^[0-9]{1,3}$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const list = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  try {
    return proxyaddr.compile(list);
  } catch (e) {
    throw new Error(
      `TRUST_PROXY must be a number of hops or a list of addresses/CIDR ranges (e.g. 10.0.0.0/8,loopback): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

export type GateRefusal = { status: 400; message: string };

/**
 * Checks the request and rewrites its forwarding headers in place (`req.headers` and `req.rawHeaders`, which
 * Next.js and the HTTP API read). Returns the refusal to send, or null when the request may go on.
 */
export function gateRequest(req: IncomingMessage, trust: TrustProxy): GateRefusal | null {
  const url = req.url ?? "";
  if (!url.startsWith("/") && !(req.method === "OPTIONS" && url === "*")) {
    return { status: 400, message: "The request target must be a path such as /api/health." };
  }
  if (!isValidHost(req.headers.host)) {
    return { status: 400, message: "The Host header is not a valid host name." };
  }
  const peer = req.socket.remoteAddress;
  if (!peer || !trust(peer, 0)) {
    for (const name of FORWARDED_HOST_HEADERS) setRequestHeader(req, name, undefined);
  } else {
    const forwardedHost = req.headers["x-forwarded-host"];
    if (forwardedHost !== undefined && !isValidHost(firstValue(forwardedHost))) {
      return { status: 400, message: "The X-Forwarded-Host header is not a valid host name." };
    }
  }
  setRequestHeader(req, "x-real-ip", undefined);
  const client = peer ? proxyaddr(req, trust) : undefined;
  setRequestHeader(req, "x-forwarded-for", client);
  return null;
}

/**
 * Sets (or with `undefined` removes) a request header for every reader of the request: Next.js reads
 * `req.headers`, @hono/node-server builds the API's Request from `req.rawHeaders`.
 */
export function setRequestHeader(req: IncomingMessage, name: string, value: string | undefined) {
  const lower = name.toLowerCase();
  if (value === undefined) delete req.headers[lower];
  else req.headers[lower] = value;
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== lower) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  if (value !== undefined) raw.push(lower, value);
  req.rawHeaders = raw;
}

function firstValue(value: string | string[]): string {
  return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() ?? "";
}
