import { randomBytes } from "node:crypto";

/**
 * The security headers of every answer, pages and API alike: the SalesMix server (src/serve) sets them before a
 * request reaches Next.js or the HTTP API, in development and production, so there is no second list to keep in
 * step (next.config.js has no `headers()`, and there is no proxy).
 */
export function staticSecurityHeaders(production: boolean): [string, string][] {
  const headers: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
  ];
  if (production) headers.push(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
  return headers;
}

/** Share links (/s/<token>) carry the token in the address: no Referer may carry it, no crawler keep the page. */
export function isSharePath(pathname: string): boolean {
  return pathname === "/s" || pathname.startsWith("/s/");
}
export const SHARE_HEADERS: [string, string][] = [
  ["Referrer-Policy", "no-referrer"],
  ["X-Robots-Tag", "noindex, nofollow, noarchive"],
];

/** A fresh nonce for one page's scripts. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of a page: Next.js reads it from the request's `Content-Security-Policy` header and
 * puts its nonce on its own scripts, so no inline script without it can run. Styles allow 'unsafe-inline' because
 * the chart library sets style attributes; scripts never do. Development adds 'unsafe-eval' for Next.js's
 * refresh runtime.
 */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
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
}

/** The API answers JSON and CSV: nothing in them may load or run anything, or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
