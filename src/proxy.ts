import { NextResponse, type NextRequest } from "next/server";
import { NO_SESSION_HEADER } from "@/lib/i18n/locales";

/**
 * Security headers on every response, with a fresh CSP nonce per request: Next.js reads the policy from the
 * request header and puts the nonce on its own scripts, so no inline script without it can run.
 * Styles allow 'unsafe-inline' because the chart library sets style attributes; scripts never do.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.delete(NO_SESSION_HEADER);
  if (request.nextUrl.pathname.startsWith("/s/")) requestHeaders.set(NO_SESSION_HEADER, "1");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // The other security headers (nosniff, referrer policy, HSTS in production, …) come from next.config.js.
  return response;
}

export const config = {
  // Pages only: API routes return JSON/CSV (no scripts to nonce) and must receive upload bodies unbuffered.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
