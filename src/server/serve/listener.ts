import { randomUUID } from "node:crypto";
import type http from "node:http";
import { internalErrorMessage } from "../errors";
import { NO_SESSION_HEADER } from "@/lib/i18n/locales";
import {
  API_CONTENT_SECURITY_POLICY,
  isSharePath,
  newNonce,
  pageContentSecurityPolicy,
  SHARE_HEADERS,
  staticSecurityHeaders,
} from "../http/security-headers";
import { gateRequest, setRequestHeader, type TrustProxy } from "./request-gate";

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

export interface ListenerOptions {
  /** Which peers' forwarding headers are believed (TRUST_PROXY). */
  trust: TrustProxy;
  /** Production (HSTS) or development (the CSP allows Next.js's refresh runtime). */
  mode: "production" | "development";
  /** The HTTP API (the Hono app of src/server/http, through @hono/node-server) and the paths it serves. */
  api: { serves: (pathname: string) => boolean; listener: http.RequestListener };
  /** Everything else: Next.js's own request handler. */
  next: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  /** Response compression around the API (Next.js compresses its own answers). */
  compress?: Middleware;
}

function problem(res: http.ServerResponse, status: number, title: string, detail: string, more = {}) {
  res.statusCode = status;
  res.setHeader("content-type", "application/problem+json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify({ type: "about:blank", title, status, detail, ...more }));
}

/**
 * The SalesMix server's request listener, the one dispatch of development and production: a request id and the
 * security headers on every answer, the request gate (Host, request target, trusted proxies), then the HTTP API
 * for its paths and Next.js for the rest. A page's request carries its CSP (with a fresh nonce) to Next.js, which
 * puts the nonce on its scripts. An unexpected failure is logged with the request id and answered with a generic
 * message carrying the id, never the error itself.
 */
export function createRequestListener(options: ListenerOptions): http.RequestListener {
  const { trust, api, next } = options;
  const dev = options.mode === "development";
  const securityHeaders = staticSecurityHeaders(!dev);
  const compress: Middleware = options.compress ?? ((_req, _res, go) => go());
  return (req, res) => {
    // The server's own id for the request; one a client sent is not believed.
    const requestId = randomUUID();
    setRequestHeader(req, "x-request-id", requestId);
    res.setHeader("X-Request-Id", requestId);
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    const refused = gateRequest(req, trust);
    if (refused) {
      res.setHeader("connection", "close");
      problem(res, refused.status, "Bad Request", refused.message);
      return;
    }
    const failed = (e: unknown) => {
      console.error(`${req.method} ${pathname} failed (request ${requestId}):`, e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      problem(res, 500, "Internal Server Error", internalErrorMessage(requestId), { requestId });
    };
    if (api.serves(pathname)) {
      res.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
      compress(req, res, () => {
        try {
          api.listener(req, res);
        } catch (e) {
          failed(e);
        }
      });
      return;
    }
    const csp = pageContentSecurityPolicy(newNonce(), dev);
    setRequestHeader(req, "content-security-policy", csp);
    res.setHeader("Content-Security-Policy", csp);
    // A share link's page renders without the visitor's session (src/server/i18n reads this); only the server
    // sets the header.
    const share = isSharePath(pathname);
    setRequestHeader(req, NO_SESSION_HEADER, share ? "1" : undefined);
    if (share) for (const [name, value] of SHARE_HEADERS) res.setHeader(name, value);
    next(req, res).catch(failed);
  };
}
