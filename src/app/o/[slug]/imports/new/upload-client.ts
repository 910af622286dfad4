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
        try {
          onEvent(JSON.parse(line) as UploadEvent);
        } catch {
          // A partial line: read again with the next chunk.
        }
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
