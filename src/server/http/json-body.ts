import "server-only";
import type { MiddlewareHandler } from "hono";
import { mediaType, readLimitedBody, MAX_JSON_BYTES } from "../rest/body";
import { ProblemError } from "../rest/problem";
import type { HttpEnv } from "./env";

/**
 * The JSON body of an endpoint that declares one, read before @hono/zod-openapi validates it: the content type
 * must be JSON (415), the body at most MAX_JSON_BYTES while it streams (413), and the text JSON (400). The text is
 * left in Hono's body cache, where the route's validator parses it against the declared schema (422).
 */
export function jsonBody(accept: "accept-patch" | "accept-post"): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const type = mediaType(c.req.raw);
    if (type !== "application/json" && !type?.endsWith("+json")) {
      throw new ProblemError(
        "unsupported-media-type",
        `Send the body as JSON with \`Content-Type: application/json\`${type ? `, not ${type}` : ""}.`,
        {},
        { [accept]: "application/json" },
      );
    }
    const bytes = await readLimitedBody(c.req.raw, MAX_JSON_BYTES, "JSON body");
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      JSON.parse(text);
    } catch {
      throw new ProblemError("malformed-body", "The body is not valid JSON.");
    }
    // Hono keeps the promise of each body form it read (typed as the value itself).
    c.req.bodyCache.text = Promise.resolve(text) as never;
    await next();
  };
}
