import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { TRPCError } from "@trpc/server";
import { appRouter } from "./root";
import type { Context } from "./trpc";
import { requestIdOf, ServiceError } from "../errors";
import { isSameOrigin } from "../http";
import { BodyTooLargeError, readBodyWithin } from "../body";

const ENDPOINT = "/api/trpc";

/**
 * What one tRPC request may carry: the dashboard batches a handful of calls whose inputs are a few hundred
 * bytes; these limits leave room for that many times over and refuse a request built to make the server work.
 */
export const TRPC_LIMITS = {
  /** Calls in one batched request. */
  batchCalls: 20,
  /** One call's input, as JSON. */
  inputBytes: 64 * 1024,
  /** The whole request body, read while it streams and never past this. */
  bodyBytes: 1024 * 1024,
} as const;

/** tRPC's JSON-RPC error codes for the refusals answered here. */
const JSON_RPC_CODES = { BAD_REQUEST: -32600, FORBIDDEN: -32003, PAYLOAD_TOO_LARGE: -32413 } as const;

/** A refusal in tRPC's error shape (what the client reads as a TRPCClientError with `data.code`). */
function refusal(code: keyof typeof JSON_RPC_CODES, httpStatus: number, message: string): Response {
  return Response.json(
    { error: { json: { message, code: JSON_RPC_CODES[code], data: { code, httpStatus } } } },
    { status: httpStatus, headers: { "cache-control": "no-store" } },
  );
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** The byte size of each call's input in a (possibly batched) JSON input, or null when it is not JSON. */
function inputSizes(text: string, batch: boolean): number[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!batch || parsed === null || typeof parsed !== "object") return [Buffer.byteLength(text)];
  return Object.values(parsed).map((input) => Buffer.byteLength(JSON.stringify(input) ?? ""));
}

function oversizedInput(sizes: number[] | null, paths: string[]): Response | null {
  const at = sizes?.findIndex((size) => size > TRPC_LIMITS.inputBytes) ?? -1;
  if (at === -1) return null;
  const name = paths[at] ?? paths[0] ?? "the call";
  return refusal(
    "PAYLOAD_TOO_LARGE",
    413,
    `The input of ${name} is larger than the ${kilobytes(TRPC_LIMITS.inputBytes)} a call may send.`,
  );
}

/**
 * The request with its body read within TRPC_LIMITS (the body is read here, once, while it streams), or the
 * refusal to answer: too many batched calls (400), a body or an input over its limit (413).
 */
async function limitedRequest(req: Request): Promise<Request | Response> {
  const url = new URL(req.url);
  const batch = url.searchParams.get("batch") === "1";
  const paths = url.pathname.slice(ENDPOINT.length + 1).split(",");
  if (paths.length > TRPC_LIMITS.batchCalls) {
    await req.body?.cancel().catch(() => undefined);
    return refusal(
      "BAD_REQUEST",
      400,
      `A request may batch at most ${TRPC_LIMITS.batchCalls} calls; this one has ${paths.length}.`,
    );
  }
  if (req.method !== "POST") {
    const input = url.searchParams.get("input");
    return (input !== null && oversizedInput(inputSizes(input, batch), paths)) || req;
  }
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyWithin(req, TRPC_LIMITS.bodyBytes);
  } catch (e) {
    if (!(e instanceof BodyTooLargeError)) throw e;
    return refusal(
      "PAYLOAD_TOO_LARGE",
      413,
      `The request body is larger than the ${kilobytes(TRPC_LIMITS.bodyBytes)} limit.`,
    );
  }
  const tooLarge = oversizedInput(inputSizes(new TextDecoder().decode(body), batch), paths);
  if (tooLarge) return tooLarge;
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.delete("content-length");
  return new Request(req.url, { method: req.method, headers, body, signal: req.signal });
}

/**
 * tRPC over HTTP (the route /api/trpc/[trpc]): state-changing calls must come from our own pages (a second wall
 * behind SameSite=Lax cookies), the request stays within TRPC_LIMITS, and a call refused by a rate limit
 * answers 429 with `Retry-After`, as the REST API does. `createContext` builds the request's context from its
 * headers; `requestId` is the request's `X-Request-Id`, which an unexpected failure is logged and answered with.
 */
export async function handleTrpcRequest(
  req: Request,
  createContext: (headers: Headers) => Promise<Context>,
  requestId?: string,
): Promise<Response> {
  if (req.method === "POST" && !isSameOrigin(req)) {
    await req.body?.cancel().catch(() => undefined);
    return refusal("FORBIDDEN", 403, "Cross-origin request refused.");
  }
  const limited = await limitedRequest(req);
  if (limited instanceof Response) return limited;
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req: limited,
    router: appRouter,
    createContext: async () => ({ ...(await createContext(limited.headers)), requestId }),
    responseMeta: ({ errors }) => {
      const wait = retryAfterSeconds(errors);
      return wait === undefined ? {} : { headers: new Headers({ "retry-after": String(wait) }) };
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(
          `tRPC ${path ?? "?"} failed (request ${requestIdOf(error, requestId)}):`,
          error.cause ?? error,
        );
    },
  });
}

/** The longest wait any rate-limited call of the (possibly batched) request was told. */
function retryAfterSeconds(errors: readonly TRPCError[]): number | undefined {
  let longest: number | undefined;
  for (const error of errors) {
    const wait = error.cause instanceof ServiceError ? error.cause.details?.retryAfterSeconds : undefined;
    if (typeof wait === "number") longest = Math.max(longest ?? 0, wait);
  }
  return longest;
}
