import "server-only";

/** The client's address as the nearest proxy reports it (first X-Forwarded-For entry), else null. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]?.trim() || null;
  return headers.get("x-real-ip");
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
