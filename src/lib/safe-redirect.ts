/**
 * Where to go after sign-in: only a path of this app, never another host. The value is parsed the way the
 * browser will parse it (WHATWG URL, which drops tabs and line breaks and reads `\` as `/`) against the app's
 * origin, and kept only when the result has that origin; what is returned is the parsed path, so what was
 * checked is what the browser follows.
 */
const PLACEHOLDER_ORIGIN = "https://salesmix.invalid";
const MAX_CALLBACK_CHARS = 2048;

export function safeCallbackUrl(value: unknown, appOrigin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof value !== "string" || value.length > MAX_CALLBACK_CHARS || !value.startsWith("/")) return "/";
  let origin: string;
  let url: URL;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(value, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
