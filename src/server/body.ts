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
  // Each chunk is copied into one buffer as it arrives (sized by the declared length when there is one), so the
  // body is never held twice, as a list of chunks and then joined.
  const expected = declared !== null && Number.isSafeInteger(Number(declared)) ? Number(declared) : 0;
  let body = new Uint8Array(new ArrayBuffer(Math.max(expected, 64 * 1024)));
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    if (size + value.byteLength > body.byteLength) {
      const grown = new Uint8Array(
        new ArrayBuffer(Math.min(limit, Math.max(body.byteLength * 2, size + value.byteLength))),
      );
      grown.set(body.subarray(0, size));
      body = grown;
    }
    body.set(value, size);
    size += value.byteLength;
  }
  return size === body.byteLength ? body : body.slice(0, size);
}
