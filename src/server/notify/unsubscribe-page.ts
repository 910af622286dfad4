import "server-only";
import { escapeHtml } from "../email";

/**
 * The small pages of the unsubscribe link. They are served by the link's own route (a mail client POSTs to the
 * same URL for one-click unsubscribe, RFC 8058), carry no session, no script, no referrer and are not indexed.
 */
export function unsubscribePage(input: {
  status: 200 | 400;
  lang: string;
  title: string;
  paragraphs: string[];
  /** A confirm button that POSTs the one-click form to this same URL. */
  confirm?: string;
  settings?: { url: string; label: string } | undefined;
}): Response {
  const e = escapeHtml;
  const body = `<!doctype html>
<html lang="${e(input.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
<title>${e(input.title)} · SalesMix</title>
<style>
body{font-family:system-ui,sans-serif;color:#111827;background:#f9fafb;margin:0;line-height:1.5}
main{max-width:28rem;margin:10vh auto;padding:1.5rem;background:#fff;border:1px solid #e5e7eb;border-radius:.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}
button{background:#2563eb;color:#fff;border:0;border-radius:.375rem;padding:.6rem 1rem;font-size:1rem;cursor:pointer}
a{color:#2563eb}
</style></head>
<body><main>
<p style="font-weight:600;color:#2563eb">SalesMix</p>
<h1>${e(input.title)}</h1>
${input.paragraphs.map((p) => `<p data-testid="unsubscribe-message">${e(p)}</p>`).join("\n")}
${
  input.confirm
    ? `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${e(input.confirm)}</button></form>`
    : ""
}
${input.settings ? `<p><a href="${e(input.settings.url)}">${e(input.settings.label)}</a></p>` : ""}
</main></body></html>`;
  return new Response(body, {
    status: input.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    },
  });
}
