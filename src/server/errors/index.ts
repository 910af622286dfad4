/**
 * A user-facing failure with a stable code; each transport maps the code, and only the code, to its own error
 * shape: tRPC (`TRPC_CODE` below), problem+json (src/server/rest/problem.ts), the JSON error body of the app's
 * cookie routes (src/server/http-errors.ts).
 */
export type ServiceErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE_CONTENT"
  | "TOO_MANY_REQUESTS"
  /** A named field of the input is invalid (`details.field`); not a problem of the request as a whole. */
  | "INVALID_FIELD"
  /** Rows of an uploaded file are invalid (`details.errors`, `errorCount`, `rowCount`). */
  | "INVALID_ROWS"
  /** An uploaded file as a whole cannot be imported: empty, not text, a required column missing. */
  | "INVALID_FILE"
  /** The same file was imported before (`details.snapshotId`). */
  | "DUPLICATE_IMPORT";

/** The tRPC code of each service code (what the dashboard's client reads as `error.data.code`). */
export const TRPC_CODE = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  UNPROCESSABLE_CONTENT: "UNPROCESSABLE_CONTENT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INVALID_FIELD: "BAD_REQUEST",
  INVALID_ROWS: "UNPROCESSABLE_CONTENT",
  INVALID_FILE: "UNPROCESSABLE_CONTENT",
  DUPLICATE_IMPORT: "CONFLICT",
} as const satisfies Record<ServiceErrorCode, string>;

export class ServiceError extends Error {
  constructor(
    public readonly code: ServiceErrorCode,
    message: string,
    public readonly details?: { field?: string; retryAfterSeconds?: number; [key: string]: unknown },
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

/**
 * The id an unexpected failure is logged and answered under (the answer carries the id, the log the error), kept
 * on the error itself so every place that reports the same failure names the same id: the request's own id
 * (its `X-Request-Id`) when it has one.
 */
export function requestIdOf(error: object, requestId?: string): string {
  const tagged = error as { salesmixRequestId?: string };
  if (!tagged.salesmixRequestId) {
    Object.defineProperty(tagged, "salesmixRequestId", {
      value: requestId ?? crypto.randomUUID(),
      enumerable: false,
    });
  }
  return tagged.salesmixRequestId!;
}

/** What a client is told about an unexpected failure: nothing of the error, only where to find it in the log. */
export function internalErrorMessage(requestId: string): string {
  return `Something went wrong on our side and the request did not complete. If it keeps happening, quote reference ${requestId}.`;
}
