import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { TLSSocket } from "node:tls";
import { isValidHost } from "./request-gate";

/**
 * The Fetch API request a route handler expects, from Node's request: the same URL and headers Next.js gives
 * its route handlers, including the `x-forwarded-*` headers Next.js fills in when no proxy did (the client's
 * address in `x-forwarded-for` is what the per-IP limits read). The body streams; it is not buffered.
 * Headers come from `req.headers`, as the server's request gate (request-gate.ts) left them. The URL's host is
 * the Host header only when it is a host name (the gate refuses others; "localhost" here otherwise), and its
 * path is the request target's, so a Host such as `h/api/trpc/org.delete?` can never change what runs.
 */
export function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  const forwardedProto = headers.get("x-forwarded-proto");
  const https = forwardedProto ? forwardedProto === "https" : encrypted;
  const sentHost = headers.get("host");
  const host = isValidHost(sentHost) ? sentHost : "localhost";
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", host);
  if (!headers.has("x-forwarded-port") && req.socket.localPort)
    headers.set("x-forwarded-port", String(req.socket.localPort));
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", https ? "https" : "http");
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress)
    headers.set("x-forwarded-for", req.socket.remoteAddress);
  const method = req.method ?? "GET";
  const target = req.url?.startsWith("/") ? req.url : "/";
  const url = `${encrypted ? "https" : "http"}://${host}${target}`;
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  // Node's fetch needs `duplex` for a streamed body; the DOM types do not have it yet.
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers,
    body: requestBody(req),
    duplex: "half",
  };
  return new Request(url, init);
}

/**
 * The request body as a web stream. A handler that stops reading (a body past its limit) cancels it; that leaves
 * the rest unread instead of destroying the socket, so its answer (a 413) still reaches the client, and
 * `sendWebResponse` then closes the connection.
 */
function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  const reader = (Readable.toWeb(req) as ReadableStream<Uint8Array>).getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel() {
        req.pause();
      },
    },
    { highWaterMark: 0 },
  );
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
  // The handler answered without reading the whole body (refused it): the connection cannot carry another
  // request, and the client should stop sending.
  if (res.req && !res.req.complete) res.setHeader("connection", "close");
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
