import "server-only";
import { ZodError } from "zod";
import { internalErrorMessage, ServiceError, type ServiceErrorCode } from "./errors";
import { firstIssueMessage } from "@/lib/validation/issues";

/** The HTTP status of each service code, for the app's own routes that are not tRPC. */
export const HTTP_STATUS: Record<ServiceErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INVALID_FIELD: 400,
  INVALID_ROWS: 422,
  INVALID_FILE: 422,
  DUPLICATE_IMPORT: 409,
};

/**
 * The one JSON error body of the app's cookie-authenticated routes that are not tRPC (downloads, the upload):
 * `{ error: { code, message, details?, requestId? } }`. An unexpected failure is logged with the request's id
 * (its `X-Request-Id`) and answered with a generic message naming it.
 */
export interface RouteErrorBody {
  error: {
    code: ServiceErrorCode | "INTERNAL_SERVER_ERROR";
    message: string;
    details?: Record<string, unknown>;
    requestId?: string;
  };
}

export function routeError(e: unknown, headers: Headers): { status: number; body: RouteErrorBody } {
  if (e instanceof ServiceError) {
    return {
      status: HTTP_STATUS[e.code],
      body: { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } },
    };
  }
  if (e instanceof ZodError) {
    return { status: 400, body: { error: { code: "BAD_REQUEST", message: firstIssueMessage(e.issues) } } };
  }
  const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
  console.error(`Request ${requestId} failed:`, e);
  return {
    status: 500,
    body: { error: { code: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(requestId), requestId } },
  };
}

/** `routeError` as the route's answer. */
export function routeErrorResponse(e: unknown, request: Request): Response {
  const { status, body } = routeError(e, request.headers);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
