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
 * Checks the request and rewrites its forwarding headers in place (Node's `req.headers`, which both Next.js and
 * the server's own adapter read). Returns the refusal to send, or null when the request may go on.
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
    for (const name of FORWARDED_HOST_HEADERS) delete req.headers[name];
  } else {
    const forwardedHost = req.headers["x-forwarded-host"];
    if (forwardedHost !== undefined && !isValidHost(firstValue(forwardedHost))) {
      return { status: 400, message: "The X-Forwarded-Host header is not a valid host name." };
    }
  }
  delete req.headers["x-real-ip"];
  const client = peer ? proxyaddr(req, trust) : undefined;
  if (client) req.headers["x-forwarded-for"] = client;
  else delete req.headers["x-forwarded-for"];
  return null;
}

function firstValue(value: string | string[]): string {
  return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() ?? "";
}
