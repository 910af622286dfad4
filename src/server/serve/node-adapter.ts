import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { TLSSocket } from "node:tls";

/**
 * The Fetch API request a route handler expects, from Node's request: the same URL and headers Next.js gives
 * its route handlers, including the `x-forwarded-*` headers Next.js fills in when no proxy did (the client's
 * address in `x-forwarded-for` is what the per-IP limits read). The body streams; it is not buffered.
 */
export function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  const forwardedProto = headers.get("x-forwarded-proto");
  const https = forwardedProto ? forwardedProto === "https" : encrypted;
  const host = headers.get("host") ?? "localhost";
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", host);
  if (!headers.has("x-forwarded-port") && req.socket.localPort)
    headers.set("x-forwarded-port", String(req.socket.localPort));
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", https ? "https" : "http");
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress)
    headers.set("x-forwarded-for", req.socket.remoteAddress);
  const method = req.method ?? "GET";
  const url = `${encrypted ? "https" : "http"}://${host}${req.url ?? "/"}`;
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  // Node's fetch needs `duplex` for a streamed body; the DOM types do not have it yet.
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  };
  return new Request(url, init);
}

/**
 * Writes a route handler's Response to Node's response: status, headers (each Set-Cookie on its own), the
 * `extra` headers underneath the handler's own, and the body as it streams. Resolves once the body is sent, or
 * when the client went away (the body is cancelled then).
 */
export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  extra: readonly (readonly [string, string])[],
): Promise<void> {
  for (const [key, value] of extra) res.setHeader(key, value);
  for (const [key, value] of response.headers) {
    if (key !== "set-cookie") res.setHeader(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.statusCode = response.status;
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const gone = () => void reader.cancel().catch(() => {});
  res.once("close", gone);
  try {
    // A body of one chunk (a JSON document) goes out in one piece, with its Content-Length.
    let pending: Uint8Array | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (pending && !res.write(pending)) await drainedOrClosed(res);
      pending = value;
    }
    if (res.destroyed) return;
    if (pending && !res.headersSent && !res.hasHeader("content-length"))
      res.setHeader("content-length", pending.byteLength);
    res.end(pending);
  } finally {
    res.off("close", gone);
  }
}

function drainedOrClosed(res: ServerResponse) {
  return new Promise<void>((go) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      go();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}
