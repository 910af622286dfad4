import "server-only";
import { ZodError } from "zod";
import { ServiceError, type ServiceErrorCode } from "../errors";
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from "./problem-types";
import type { Problem } from "./schemas";

type ProblemExtras = Pick<
  Problem,
  "errors" | "errorCount" | "rowCount" | "snapshotId" | "retryAfterSeconds" | "rebaseSnapshotId" | "requestId"
>;

/** An expected failure with its problem type; thrown anywhere in an endpoint, answered by `problemResponse`. */
export class ProblemError extends Error {
  constructor(
    public readonly type: ProblemType,
    public readonly detail: string,
    public readonly extras: ProblemExtras = {},
    public readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ProblemError";
  }
}

export function problemResponse(problem: ProblemError, instance: string): Response {
  const { status, title } = PROBLEM_TYPES[problem.type];
  const body: Problem = {
    type: problemTypeUri(problem.type),
    title,
    status,
    detail: problem.detail,
    instance,
    ...problem.extras,
  };
  const headers = new Headers(problem.headers);
  headers.set("content-type", "application/problem+json");
  headers.set("cache-control", "no-store");
  if (problem.extras.retryAfterSeconds !== undefined) {
    headers.set("retry-after", String(problem.extras.retryAfterSeconds));
  }
  return new Response(JSON.stringify(body), { status, headers });
}

/** The problem type of each service code: the code alone decides it. */
const TYPE_OF_CODE: Record<ServiceErrorCode, ProblemType> = {
  BAD_REQUEST: "bad-request",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "insufficient-scope",
  NOT_FOUND: "not-found",
  CONFLICT: "unprocessable",
  PAYLOAD_TOO_LARGE: "payload-too-large",
  UNSUPPORTED_MEDIA_TYPE: "unsupported-media-type",
  UNPROCESSABLE_CONTENT: "unprocessable",
  TOO_MANY_REQUESTS: "rate-limited",
  INVALID_FIELD: "validation",
  INVALID_ROWS: "validation",
  INVALID_FILE: "invalid-file",
  DUPLICATE_IMPORT: "duplicate-import",
};

function isRowError(
  value: unknown,
): value is { row: number; column: string | null; value: string; message: string } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.row === "number" &&
    (typeof v.column === "string" || v.column === null) &&
    typeof v.value === "string" &&
    typeof v.message === "string"
  );
}

/**
 * A service's typed failure as a problem: the type of its code (TYPE_OF_CODE), the same message, and the details
 * a client can use as extension members.
 */
export function fromServiceError(error: ServiceError): ProblemError {
  const details = error.details ?? {};
  const extras: ProblemExtras = {};
  if (error.code === "INVALID_ROWS" && Array.isArray(details.errors)) {
    extras.errors = details.errors.filter(isRowError);
  }
  // A field named by the service (e.g. a move that names no rep of the snapshot): an error of the body.
  if (error.code === "INVALID_FIELD" && typeof details.field === "string") {
    extras.errors = [{ field: details.field, message: error.message }];
  }
  if (typeof details.errorCount === "number") extras.errorCount = details.errorCount;
  if (typeof details.rowCount === "number") extras.rowCount = details.rowCount;
  if (typeof details.snapshotId === "string") extras.snapshotId = details.snapshotId;
  if (typeof details.retryAfterSeconds === "number") extras.retryAfterSeconds = details.retryAfterSeconds;
  if (details.snapshotDeleted === true)
    extras.rebaseSnapshotId = typeof details.rebaseSnapshotId === "string" ? details.rebaseSnapshotId : null;
  return new ProblemError(TYPE_OF_CODE[error.code], error.message, extras);
}

/** Every zod issue as a field error; `in` says whether the query (400) or the body (422) was wrong. */
export function fromZodError(error: ZodError, source: "query" | "body"): ProblemError {
  // One error per field: the first is the one to fix (a malformed date need not also be "in the future").
  const seen = new Set<string>();
  const issues = error.issues.filter((issue) => {
    const key = issue.path.map(String).join(".");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const errors = issues.map((issue) => ({
    field: issue.path.map(String).join(".") || (source === "query" ? "query" : "body"),
    message:
      issue.code === "unrecognized_keys"
        ? `Unknown ${source === "query" ? "parameter" : "field"}: ${issue.keys.join(", ")}`
        : issue.message,
  }));
  const first = errors[0];
  const summary = first ? `${first.field}: ${first.message}` : "Invalid input";
  return source === "query"
    ? new ProblemError("invalid-parameters", `Check the query parameters. ${summary}`, { errors })
    : new ProblemError("validation", `Check the request body. ${summary}`, { errors });
}

/**
 * Any thrown value as a problem; anything unexpected is `internal` (a 500 that says nothing about internals; the
 * HTTP app logs it and names the request id in it).
 */
export function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof ServiceError) return fromServiceError(error);
  if (error instanceof ZodError) return fromZodError(error, "body");
  return new ProblemError(
    "internal",
    "The request could not be completed. Nothing was changed; please retry.",
  );
}
