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
