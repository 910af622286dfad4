"use client";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import {
  analyzeTeamCsv,
  applyCellEdits,
  checkCsvByteSize,
  errorsToCsv,
  fileWithErrorColumn,
  inlineFixRefusalMessage,
  MAX_BYTES,
  MAX_INLINE_FIXES,
  type CsvRowError,
  type TeamCsvPreview,
} from "@/lib/csv";
import { uploadTeamFile, type UploadEvent } from "./upload-client";
import { initialUploadState, uploadReducer } from "./upload-state";
import { FileStep } from "./FileStep";
import { MappingStep } from "./MappingStep";
import { RememberedMapping } from "./RememberedMapping";
import { PreviewTables } from "./PreviewTables";
import { ImportStep } from "./ImportStep";

async function sha256Hex(bytes: Uint8Array) {
  const digest = await crypto.subtle.digest("SHA-256", bytes as unknown as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function download(content: string, fileName: string) {
  const blob = new Blob([content], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

const baseName = (file: File | null) => (file?.name ?? "team").replace(/\.[^.]+$/, "");

/** The upload page: choose a file, check how it was read (and fix cells in place), import. */
export function UploadFlow({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const context = useQuery(trpc.imports.uploadContext.queryOptions({ orgSlug: slug }));
  const [state, dispatch] = useReducer(uploadReducer, undefined, initialUploadState);
  const cancelRef = useRef<AbortController | null>(null);
  const { file, bytes, hash, overrides, edits, analysis, editedText } = state;

  const duplicate = useQuery({
    ...trpc.imports.findByHash.queryOptions({ orgSlug: slug, contentHash: hash ?? "0".repeat(64) }),
    enabled: hash !== null,
  });

  const chooseFile = useCallback(async (f: File | undefined | null) => {
    dispatch({ type: "choose", file: f ?? null });
    if (!f) return;
    // The size is checked before a single byte is read.
    const sizeProblem = checkCsvByteSize(f.size, MAX_BYTES);
    if (sizeProblem) {
      dispatch({ type: "fileError", message: sizeProblem });
      return;
    }
    const data = new Uint8Array(await f.arrayBuffer());
    dispatch({ type: "loaded", bytes: data, hash: await sha256Hex(data) });
  }, []);

  // Read the file exactly as the server will: same library, same remembered mapping and currency; with the
  // user's corrections written in when there are any.
  useEffect(() => {
    if (!bytes || !context.data) return;
    const timer = setTimeout(() => {
      const options = {
        overrides,
        remembered: context.data.remembered,
        organizationCurrency: context.data.currency,
      };
      const original = analyzeTeamCsv(bytes, options);
      const plan = original.ok ? original.preview.plan : null;
      const encodingLabel = original.ok ? original.preview.encodingLabel : "";
      if (edits.size === 0 || !plan) {
        dispatch({
          type: "analysed",
          analysis: original,
          encodingLabel,
          editedText: null,
          editRefusal: null,
        });
        return;
      }
      const text = applyCellEdits(bytes, plan, edits);
      if (text === null) {
        dispatch({
          type: "analysed",
          analysis: original,
          encodingLabel,
          editedText: null,
          editRefusal: inlineFixRefusalMessage("quote-problems", 0),
        });
        return;
      }
      dispatch({
        type: "analysed",
        analysis: analyzeTeamCsv(text, options),
        encodingLabel,
        editedText: text,
        editRefusal: null,
      });
    }, 20);
    return () => clearTimeout(timer);
  }, [bytes, overrides, edits, context.data]);

  const preview: TeamCsvPreview | null = analysis?.ok ? analysis.preview : null;

  const columnOf = useCallback(
    (error: CsvRowError) => {
      if (error.column === null || !preview) return null;
      return preview.mapping.find((c) => c.label === error.column)?.columnIndex ?? null;
    },
    [preview],
  );

  async function submit(mode: "all" | "valid_rows_only") {
    if (!file || !bytes) return;
    const body: BlobPart = editedText ?? (bytes as unknown as BlobPart);
    const blob = new Blob([body], { type: "text/csv" });
    dispatch({ type: "uploadStarted", bytesTotal: blob.size });
    const form = new FormData();
    form.set("file", blob, file.name);
    form.set("asOf", state.asOf);
    form.set("period", state.period);
    form.set("mode", mode);
    form.set("allowDuplicate", String(state.allowDuplicate));
    form.set("overrides", JSON.stringify(overrides));
    const cancel = new AbortController();
    cancelRef.current = cancel;
    let done: UploadEvent | null = null;
    await uploadTeamFile(
      `/api/orgs/${slug}/imports`,
      form,
      (e) => {
        if (e.type === "upload") dispatch({ type: "uploadProgress", patch: { bytesSent: e.loaded } });
        else if (e.type === "progress")
          dispatch({
            type: "uploadProgress",
            patch: {
              phase: e.phase,
              rowsChecked: e.rowsChecked,
              rowsSaved: e.rowsSaved,
              rowsTotal: e.rowsTotal,
            },
          });
        else done = e;
      },
      cancel.signal,
    );
    cancelRef.current = null;
    const outcome = done as UploadEvent | null;
    if (outcome?.type === "result") {
      router.push(`/o/${slug}`);
      router.refresh();
      return;
    }
    if (outcome?.type === "cancelled") {
      dispatch({ type: "uploadEnded", error: null, notice: "Import cancelled. Nothing was saved." });
      return;
    }
    dispatch({
      type: "uploadEnded",
      error:
        outcome?.type === "error"
          ? outcome.message
          : "The upload did not finish. Nothing was imported; try again.",
    });
  }

  const fixRefusal =
    state.editRefusal ??
    (preview && preview.errorCount > MAX_INLINE_FIXES
      ? inlineFixRefusalMessage("too-many-errors", preview.errorCount)
      : null);
  const fixedCount = [...edits.values()].reduce((n, row) => n + row.size, 0);
  const fileError = state.fileError ?? (analysis && !analysis.ok ? analysis.error.message : null);

  return (
    <div className="space-y-6">
      <FileStep
        file={file}
        fileError={fileError}
        reading={state.reading}
        asOf={state.asOf}
        period={state.period}
        dispatch={dispatch}
        onChoose={(f) => void chooseFile(f)}
      />
      {preview ? (
        <>
          <MappingStep
            preview={preview}
            encodingLabel={state.encodingLabel || preview.encodingLabel}
            onTarget={(columnIndex, target) => dispatch({ type: "setTarget", columnIndex, target })}
          >
            {context.data ? (
              <RememberedMapping
                key={JSON.stringify(context.data.remembered)}
                slug={slug}
                remembered={context.data.remembered}
              />
            ) : null}
          </MappingStep>
          <PreviewTables
            preview={preview}
            onDownloadErrors={() => download(errorsToCsv(preview.errors), `${baseName(file)}-errors.csv`)}
            onDownloadFileWithErrors={
              preview.plan && bytes
                ? () =>
                    download(
                      fileWithErrorColumn(editedText ?? bytes, preview.plan!, preview.errors),
                      `${baseName(file)}-with-errors.csv`,
                    )
                : null
            }
            fix={{
              columnOf,
              onFix: (row, columnIndex, value) => dispatch({ type: "fixCell", row, columnIndex, value }),
              refusal: fixRefusal,
              fixedCount,
              onUndoAll: () => dispatch({ type: "clearFixes" }),
            }}
          />
          <ImportStep
            preview={preview}
            duplicate={duplicate.data ?? null}
            allowDuplicate={state.allowDuplicate}
            onAllowDuplicate={(value) => dispatch({ type: "setAllowDuplicate", value })}
            upload={state.upload}
            submitError={state.submitError}
            notice={state.notice}
            onSubmit={(mode) => void submit(mode)}
            onCancel={() => cancelRef.current?.abort()}
          />
        </>
      ) : null}
    </div>
  );
}
