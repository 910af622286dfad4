import type { Database } from "../db/client";
import type { ApiContext } from "./key-auth";

/**
 * The Hono environment of the HTTP API. `Bindings.database` lets a caller of `app.fetch(request, env)` (the tests)
 * give the database a request runs on; the server leaves it out and the process's handle is used.
 */
export interface HttpEnv {
  Bindings: { database?: Database };
  Variables: {
    /** This request's id: in `X-Request-Id`, and in the log line and answer of an unexpected failure. */
    requestId: string;
    /** The API key's organization and actor, once `requireKey` has authenticated the request. */
    api: ApiContext;
  };
}
