/**
 * A short name for the device of a session ("Firefox on Windows"), from its User-Agent header. Plain substring
 * checks in a fixed order (linear in the header, which is cut to 300 characters when stored).
 */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const ua = userAgent.slice(0, 300);
  const has = (s: string) => ua.includes(s);
  const browser = has("Edg/")
    ? "Edge"
    : has("OPR/")
      ? "Opera"
      : has("Firefox/")
        ? "Firefox"
        : has("Chrome/") || has("Chromium/") || has("HeadlessChrome/")
          ? "Chrome"
          : has("Safari/")
            ? "Safari"
            : has("curl/")
              ? "curl"
              : null;
  const os =
    has("iPhone") || has("iPad")
      ? "iOS"
      : has("Android")
        ? "Android"
        : has("Windows")
          ? "Windows"
          : has("Mac OS X") || has("Macintosh")
            ? "macOS"
            : has("CrOS")
              ? "ChromeOS"
              : has("Linux")
                ? "Linux"
                : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? "Unknown device";
}
