/** A user-facing failure with a stable code; tRPC and the REST API map it to their own error shapes. */
export type ServiceErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE_CONTENT"
  | "TOO_MANY_REQUESTS";

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
