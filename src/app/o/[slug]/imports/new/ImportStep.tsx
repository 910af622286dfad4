"use client";
import { FormError } from "@/components/Field";
import type { TeamCsvPreview } from "@/lib/csv";
import type { UploadProgress } from "./upload-state";

function ProgressBar({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: number | null;
  detail: string;
  testId: string;
}) {
  return (
    <div data-testid={testId}>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums">{detail}</span>
      </div>
      <div
        className="mt-1 h-2 overflow-hidden rounded bg-gray-200 dark:bg-gray-800"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : Math.round(value * 100)}
      >
        <div
          className={`h-full bg-blue-600 transition-[width] ${value === null ? "w-1/3 animate-pulse" : ""}`}
          style={value === null ? undefined : { width: `${Math.round(value * 100)}%` }}
        />
      </div>
    </div>
  );
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString("en-US");

/** The three stages the server goes through, each with its own bar. */
function Progress({ upload }: { upload: UploadProgress }) {
  const { phase, bytesSent, bytesTotal, rowsChecked, rowsSaved, rowsTotal } = upload;
  const afterUpload = phase !== "uploading";
  return (
    <div className="space-y-3" aria-live="polite">
      <ProgressBar
        label="Uploaded"
        testId="upload-progress"
        value={afterUpload ? 1 : bytesTotal ? bytesSent / bytesTotal : null}
        detail={`${mb(afterUpload ? bytesTotal : bytesSent)} of ${mb(bytesTotal)}`}
      />
      <ProgressBar
        label="Rows checked"
        testId="checked-progress"
        value={
          phase === "saving" || phase === "done"
            ? 1
            : rowsTotal
              ? rowsChecked / rowsTotal
              : afterUpload
                ? null
                : 0
        }
        detail={
          rowsTotal ? `${count(rowsChecked)} of ${count(rowsTotal)}` : afterUpload ? "reading the file" : ""
        }
      />
      <ProgressBar
        label="Rows saved"
        testId="processing-progress"
        value={phase === "done" ? 1 : phase === "saving" ? null : 0}
        detail={phase === "done" ? count(rowsSaved) : phase === "saving" ? "saving in one step" : ""}
      />
    </div>
  );
}

/** Step 3: import (all, or the valid rows only), with progress and a cancel that leaves nothing saved. */
export function ImportStep({
  preview,
  duplicate,
  allowDuplicate,
  onAllowDuplicate,
  upload,
  submitError,
  notice,
  onSubmit,
  onCancel,
}: {
  preview: TeamCsvPreview;
  duplicate: { fileName: string; asOf: string } | null;
  allowDuplicate: boolean;
  onAllowDuplicate: (value: boolean) => void;
  upload: UploadProgress | null;
  submitError: string | null;
  notice: string | null;
  onSubmit: (mode: "all" | "valid_rows_only") => void;
  onCancel: () => void;
}) {
  const blocked = Boolean(duplicate) && !allowDuplicate;
  return (
    <section className="card space-y-3" aria-labelledby="step-import">
      <h2 id="step-import" className="font-semibold">
        3. Import
      </h2>
      {duplicate ? (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          This exact file was already imported (“{duplicate.fileName}”, as of {duplicate.asOf}).
          <label className="mt-2 flex items-center gap-2">
            <input
              type="checkbox"
              checked={allowDuplicate}
              onChange={(e) => onAllowDuplicate(e.target.checked)}
            />{" "}
            Import it again anyway
          </label>
        </div>
      ) : null}
      <FormError message={submitError} />
      {notice ? (
        <p role="status" className="text-sm" data-testid="import-notice">
          {notice}
        </p>
      ) : null}
      {upload ? (
        <>
          <Progress upload={upload} />
          {upload.phase !== "done" ? (
            <button type="button" className="btn-secondary" onClick={onCancel}>
              Cancel import
            </button>
          ) : null}
        </>
      ) : (
        <div className="flex flex-wrap gap-3">
          {preview.canImportAll ? (
            <button type="button" className="btn-primary" disabled={blocked} onClick={() => onSubmit("all")}>
              Import {count(preview.validCount)} reps
            </button>
          ) : null}
          {!preview.canImportAll && preview.canImportValidOnly ? (
            <button
              type="button"
              className="btn-primary"
              disabled={blocked}
              onClick={() => onSubmit("valid_rows_only")}
            >
              Import the {count(preview.validCount)} valid rows only
            </button>
          ) : null}
          {!preview.canImportAll && !preview.canImportValidOnly ? (
            <p className="text-sm">Fix the mapping or the file first: no row can be imported yet.</p>
          ) : null}
        </div>
      )}
    </section>
  );
}
