import "server-only";

/**
 * The client's address: the SalesMix server's request gate (src/server/serve/request-gate.ts) sets
 * X-Forwarded-For to that one address, the socket's unless a proxy TRUST_PROXY names reported another.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || null;
}

/**
 * True when a browser request's Origin matches the host it was sent to. Requests without an Origin header
 * (server-to-server, curl) carry no ambient cookies worth forging and pass.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
