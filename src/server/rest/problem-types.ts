/**
 * Every problem the API answers with (RFC 9457), under a stable `type` URI. Clients branch on `type`, people
 * read `detail`. A type is never renamed or reused for something else once published.
 */
export const PROBLEM_BASE_URI = "https://salesmix.app/problems/";

export const PROBLEM_TYPES = {
  "bad-request": { status: 400, title: "Bad request", when: "The request cannot be understood as sent." },
  "invalid-parameters": {
    status: 400,
    title: "Invalid query parameters",
    when: "A query parameter is missing, unknown or malformed; `errors` names each one.",
  },
  "malformed-body": {
    status: 400,
    title: "Unreadable request body",
    when: "The body is not valid JSON, or a multipart body has no `file` part.",
  },
  unauthorized: {
    status: 401,
    title: "Missing or invalid API key",
    when: "No `Authorization: Bearer` header, or the key is unknown or revoked.",
  },
  "insufficient-scope": {
    status: 403,
    title: "The API key's scope does not allow this",
    when: "A `read` key was used on an endpoint that changes data; use a `read_write` key.",
  },
  "not-found": {
    status: 404,
    title: "Not found",
    when: "No such resource in the key's organization (ids of other organizations are never confirmed).",
  },
  "no-upload": {
    status: 404,
    title: "No team uploaded yet",
    when: "The organization has no completed upload to report on.",
  },
  "duplicate-import": {
    status: 409,
    title: "This file was already imported",
    when: "The same bytes were imported before; `snapshotId` is that import. Send `allow_duplicate=true` to import it again.",
  },
  "payload-too-large": {
    status: 413,
    title: "Request body too large",
    when: "The body is over the limit (20 MB for a CSV, 64 KB for JSON).",
  },
  "unsupported-media-type": {
    status: 415,
    title: "Unsupported content type",
    when: "The `Content-Type` is not one the endpoint accepts.",
  },
  validation: {
    status: 422,
    title: "Validation failed",
    when: "Fields of the JSON body or rows of the CSV are invalid; `errors` lists each field or row and column.",
  },
  "invalid-file": {
    status: 422,
    title: "The file cannot be imported",
    when: "The file as a whole is unusable: empty, not text, too many rows, or a required column is missing.",
  },
  unprocessable: {
    status: 422,
    title: "Cannot be processed",
    when: "The request is well-formed but names something that cannot be used (e.g. a failed upload).",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    when: "The key made too many requests; wait the seconds in `Retry-After`.",
  },
  internal: {
    status: 500,
    title: "Internal error",
    when: "Something failed on our side; nothing was changed. Retry later.",
  },
} as const satisfies Record<string, { status: number; title: string; when: string }>;

export type ProblemType = keyof typeof PROBLEM_TYPES;
export const PROBLEM_TYPE_NAMES = Object.keys(PROBLEM_TYPES) as [ProblemType, ...ProblemType[]];

export const problemTypeUri = (type: ProblemType) => `${PROBLEM_BASE_URI}${type}`;
