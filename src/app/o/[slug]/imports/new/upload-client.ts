/** Sends the file with XHR (for upload progress) and reads the server's newline-delimited JSON as it streams. */
export type UploadEvent =
  | { type: "upload"; loaded: number; total: number }
  | {
      type: "progress";
      phase: "reading" | "checking" | "saving" | "done";
      rowsChecked: number;
      rowsSaved: number;
      rowsTotal: number;
    }
  | { type: "result"; snapshotId: string; rowCount: number; skippedRowCount: number }
  | { type: "error"; code: string; message: string; details?: { snapshotId?: string } }
  | { type: "cancelled" };

/** The server's JSON error body (`{ error }`: a refusal, or the stream's last line) as an error event. */
type ErrorBody = { error: { code: string; message: string; details?: { snapshotId?: string } } };

function uploadEvent(parsed: unknown): UploadEvent {
  const body = parsed as Partial<ErrorBody> & { type?: string };
  if (body.error && typeof body.error === "object") {
    const { code, message, details } = body.error;
    return { type: "error", code, message, details };
  }
  return parsed as UploadEvent;
}

/**
 * `signal` cancels: the request is aborted, the server sees its connection close and rolls the import back, so
 * nothing of it is saved.
 */
export function uploadTeamFile(
  url: string,
  form: FormData,
  onEvent: (e: UploadEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    const drain = (final: boolean) => {
      const text = xhr.responseText;
      let end = text.lastIndexOf("\n");
      if (final && end < text.length - 1) end = text.length;
      if (end <= seen) return;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          // A partial line: read again with the next chunk.
          continue;
        }
        onEvent(uploadEvent(parsed));
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) =>
      onEvent({ type: "upload", loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onprogress = () => drain(false);
    xhr.onload = () => {
      drain(true);
      if (xhr.status >= 400 && seen === 0) {
        onEvent({
          type: "error",
          code: String(xhr.status),
          message: `The upload was refused (${xhr.status}).`,
        });
      }
      resolve();
    };
    xhr.onerror = () => {
      onEvent({
        type: "error",
        code: "NETWORK",
        message: "The connection was lost during the upload. Nothing was imported; try again.",
      });
      resolve();
    };
    xhr.onabort = () => {
      onEvent({ type: "cancelled" });
      resolve();
    };
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.open("POST", url);
    xhr.send(form);
  });
}
