import "server-only";
import { MAX_BYTES } from "@/lib/csv";
import { ProblemError } from "./problem";
import { BodyTooLargeError, readBodyWithin } from "../body";

/** Multipart framing allowed on top of the file itself (boundaries, part headers, a few small fields). */
export const MULTIPART_SLACK_BYTES = 64 * 1024;
/** A profile change is a few hundred bytes; anything near this is not one. */
export const MAX_JSON_BYTES = 64 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The media type without parameters, lower case: `Text/CSV; charset=utf-8` → `text/csv`. */
export function mediaType(request: Request): string | null {
  const header = request.headers.get("content-type");
  if (!header) return null;
  return header.split(";")[0]?.trim().toLowerCase() || null;
}

function tooLarge(limit: number, what: string) {
  return new ProblemError("payload-too-large", `The ${what} is larger than the ${megabytes(limit)} limit.`);
}

/**
 * The body, refused unread when its declared length is over `limit`, and cut off (413) when a body without a
 * length (chunked) passes it, so a client can never make the server hold more than the limit.
 */
export async function readLimitedBody(
  request: Request,
  limit: number,
  what: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyWithin(request, limit);
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw tooLarge(limit, what);
    throw e;
  }
  const size = body.byteLength;
  // A proxy that buffers bodies (Next.js's own caps them at 10 MB unless configured) may pass on only the
  // first part; importing that part would silently drop reps, so a short body is refused.
  if (declared !== null && Number(declared) > size) {
    throw new ProblemError(
      "payload-too-large",
      `Only ${size.toLocaleString("en-US")} of the ${Number(declared).toLocaleString("en-US")} bytes sent arrived, so nothing was imported. A proxy on the way limits the body size; send a smaller file or raise that limit.`,
    );
  }
  return body;
}

export interface UploadedFile {
  bytes: Uint8Array;
  fileName: string | null;
}

const CSV_TYPES: readonly string[] = ["text/csv", "application/csv"];

/** POST /imports: the CSV itself (`text/csv`) or a multipart form with a `file` part. */
export async function readCsvUpload(request: Request): Promise<UploadedFile> {
  const type = mediaType(request);
  if (type !== null && CSV_TYPES.includes(type)) {
    return { bytes: await readLimitedBody(request, MAX_BYTES, "file"), fileName: null };
  }
  if (type === "multipart/form-data") {
    const body = await readLimitedBody(request, MAX_BYTES + MULTIPART_SLACK_BYTES, "file");
    let form: FormData;
    try {
      form = await new Response(body, {
        headers: { "content-type": request.headers.get("content-type") ?? type },
      }).formData();
    } catch {
      throw new ProblemError("malformed-body", "The multipart body could not be read. Check its boundary.");
    }
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new ProblemError(
        "malformed-body",
        "Send the CSV as a multipart part named `file` (curl: `-F file=@team.csv`).",
      );
    }
    if (file.size > MAX_BYTES) throw tooLarge(MAX_BYTES, "file");
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || null };
  }
  throw new ProblemError(
    "unsupported-media-type",
    `Send the team file as \`Content-Type: text/csv\` (curl: \`--data-binary @team.csv -H "Content-Type: text/csv"\`) or as multipart/form-data with a \`file\` part${type ? `, not ${type}` : ""}.`,
    {},
    { "accept-post": "text/csv, multipart/form-data" },
  );
}
