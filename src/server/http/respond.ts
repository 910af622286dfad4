import "server-only";

/** JSON text made beforehand, sent as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A JSON answer that no cache keeps (it is one organization's data). */
export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  const headers = { "cache-control": "no-store", ...init.headers };
  if (body instanceof RawJson) {
    return new Response(body.text, {
      status: init.status ?? 200,
      headers: { "content-type": "application/json", ...headers },
    });
  }
  return Response.json(body, { status: init.status ?? 200, headers });
}
