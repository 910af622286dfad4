import { getDb } from "@/server/db";
import { clientIp, isSameOrigin } from "@/server/http";
import { SHARE_UNLOCK_COOKIE, unlockShare } from "@/server/shares/open";

/**
 * The page sends no referrer, so its own form posts carry `Origin: null`: the browser's Sec-Fetch-Site says where
 * the post came from; without it (an older browser, a script), a real Origin must be this site's.
 */
function fromThisSite(request: Request) {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  return request.headers.get("origin") === "null" ? false : isSameOrigin(request);
}

/**
 * The password form of a share link posts here. A right password sets this link's unlock cookie (scoped to the
 * link's path, so it opens this link and nothing else); every outcome goes back to the link, which shows the
 * report, the attempts left or why the link is refused.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = `/s/${encodeURIComponent(token)}`;
  if (!fromThisSite(request)) return new Response("Cross-site form posts are refused.", { status: 403 });
  const form = await request.formData().catch(() => null);
  const password = form?.get("password");
  const db = await getDb();
  const result = await unlockShare(
    db,
    token,
    typeof password === "string" ? password.slice(0, 1_000) : "",
    clientIp(request.headers),
  );
  const go = (location: string, cookie?: string) => {
    const headers = new Headers({ location, "cache-control": "no-store" });
    if (cookie) headers.append("set-cookie", cookie);
    return new Response(null, { status: 303, headers });
  };
  switch (result.status) {
    case "unlocked": {
      if (!result.cookie) return go(page);
      const https =
        request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
      const cookie = [
        `${SHARE_UNLOCK_COOKIE}=${result.cookie.value}`,
        `Path=${page}`,
        `Max-Age=${result.cookie.maxAgeSeconds}`,
        "HttpOnly",
        "SameSite=Lax",
        ...(https ? ["Secure"] : []),
      ].join("; ");
      return go(page, cookie);
    }
    case "wrong_password":
      return go(`${page}?attempt=wrong`);
    case "rate_limited":
      return go(`${page}?attempt=limited`);
    default:
      return go(page);
  }
}
