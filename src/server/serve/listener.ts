import { randomUUID } from "node:crypto";
import type http from "node:http";
import { sendWebResponse, toWebRequest } from "./node-adapter";
import { gateRequest, type TrustProxy } from "./request-gate";
import type { RouteMatch } from "./routes";

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

export interface ListenerOptions {
  /** Which peers' forwarding headers are believed (TRUST_PROXY). */
  trust: TrustProxy;
  /** The server's own route handler for this request, or null for `fallback`. */
  findRoute: (method: string, pathname: string) => RouteMatch | null;
  /** Everything else (Next.js). */
  fallback: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  /** Headers next.config.js gives this path. */
  headersFor: (pathname: string) => readonly (readonly [string, string])[];
  /** Response compression around the server's own routes. */
  compress?: Middleware;
}

function problem(
  res: http.ServerResponse,
  status: number,
  title: string,
  detail: string,
  extra: readonly (readonly [string, string])[] = [],
  more: Record<string, string> = {},
) {
  res.statusCode = status;
  for (const [key, value] of extra) res.setHeader(key, value);
  res.setHeader("content-type", "application/problem+json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify({ type: "about:blank", title, status, detail, ...more }));
}

/**
 * The SalesMix server's request listener: the request gate (Host, request target, trusted proxies) for every
 * request, then the server's own routes or Next.js. An unexpected failure is logged with a request id and
 * answered with a generic message that carries the id, never the error itself.
 */
export function createRequestListener(options: ListenerOptions): http.RequestListener {
  const { trust, findRoute, fallback, headersFor } = options;
  const compress: Middleware = options.compress ?? ((_req, _res, next) => next());
  return (req, res) => {
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
      const requestId = randomUUID();
      console.error(`${req.method} ${pathname} failed (request ${requestId}):`, e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      problem(
        res,
        500,
        "Internal Server Error",
        `The server could not answer this request; try again. Reference: ${requestId}.`,
        headersFor(pathname),
        { requestId },
      );
    };
    const match = findRoute(req.method ?? "GET", pathname);
    if (!match) {
      fallback(req, res).catch(failed);
      return;
    }
    compress(req, res, () => {
      const params = Promise.resolve(match.params);
      Promise.resolve()
        .then(() => match.handler(toWebRequest(req), { params }))
        .then((response) => sendWebResponse(res, response, headersFor(pathname)))
        .catch(failed);
    });
  };
}
