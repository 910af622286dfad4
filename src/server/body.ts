import "server-only";

/** A body that passed its limit: the reading stopped there (declared too long: nothing was read). */
export class BodyTooLargeError extends Error {
  constructor(public readonly limit: number) {
    super(`The body is larger than the ${limit}-byte limit.`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The request's body, read while it streams and never past `limit` bytes: refused unread when its declared
 * Content-Length is over the limit, and cut off (the stream cancelled) as soon as a body without one (chunked)
 * passes it. Throws BodyTooLargeError then.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit);
  }
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
