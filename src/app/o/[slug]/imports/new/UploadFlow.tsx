"use client";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { FormError } from "@/components/Field";
import {
  analyzeTeamCsv,
  checkCsvByteSize,
  errorsToCsv,
  MAPPING_TARGET_SPECS,
  MAX_BYTES,
  type ColumnOverride,
  type MappingTarget,
  type TeamCsvAnalysis,
} from "@/lib/csv";
import { uploadTeamFile, type UploadEvent } from "./upload-client";
import { PreviewTables } from "./PreviewTables";

const PERIODS = ["Last 30 days", "Last quarter", "Last 12 months", "Year to date"];

async function sha256Hex(bytes: Uint8Array) {
  const digest = await crypto.subtle.digest("SHA-256", bytes as unknown as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function ProgressBar({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  return (
    <div data-testid={testId}>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums">{value === null ? "" : `${Math.round(value * 100)} %`}</span>
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

export function UploadFlow({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const context = useQuery(trpc.imports.uploadContext.queryOptions({ orgSlug: slug }));
  const [file, setFile] = useState<File | null>(null);
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [overrides, setOverrides] = useState<ColumnOverride[]>([]);
  const [analysis, setAnalysis] = useState<TeamCsvAnalysis | null>(null);
  const [asOf, setAsOf] = useState(() => new Date().toISOString().slice(0, 10));
  const [period, setPeriod] = useState(PERIODS[0] ?? "Last 30 days");
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<{ sent: number | null; saved: number | null; phase: string } | null>(
    null,
  );
  const [submitError, setSubmitError] = useState<string | null>(null);
  const inputId = useId();
  const asOfId = useId();
  const periodId = useId();

  const duplicate = useQuery({
    ...trpc.imports.findByHash.queryOptions({ orgSlug: slug, contentHash: hash ?? "0".repeat(64) }),
    enabled: hash !== null,
  });

  const chooseFile = useCallback(async (f: File | undefined | null) => {
    setAnalysis(null);
    setBytes(null);
    setHash(null);
    setOverrides([]);
    setSubmitError(null);
    setAllowDuplicate(false);
    if (!f) return;
    setFile(f);
    // The size is checked before a single byte is read.
    const sizeProblem = checkCsvByteSize(f.size, MAX_BYTES);
    if (sizeProblem) {
      setFileError(sizeProblem);
      return;
    }
    setFileError(null);
    setReading(true);
    const data = new Uint8Array(await f.arrayBuffer());
    setBytes(data);
    setHash(await sha256Hex(data));
  }, []);

  // Read the file exactly as the server will: same library, same remembered mapping and currency.
  useEffect(() => {
    if (!bytes || !context.data) return;
    const timer = setTimeout(() => {
      setAnalysis(
        analyzeTeamCsv(bytes, {
          overrides,
          remembered: context.data.remembered,
          organizationCurrency: context.data.currency,
        }),
      );
      setReading(false);
    }, 20);
    return () => clearTimeout(timer);
  }, [bytes, overrides, context.data]);

  const preview = analysis?.ok ? analysis.preview : null;
  const setTarget = (columnIndex: number, target: MappingTarget | null) => {
    setReading(true);
    setOverrides((list) => [...list.filter((o) => o.columnIndex !== columnIndex), { columnIndex, target }]);
  };

  const downloadErrors = useMemo(
    () => () => {
      if (!preview) return;
      const blob = new Blob([errorsToCsv(preview.errors)], { type: "text/csv;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `${(file?.name ?? "team").replace(/\.[^.]+$/, "")}-errors.csv`;
      a.click();
      URL.revokeObjectURL(url);
    },
    [preview, file],
  );

  async function submit(mode: "all" | "valid_rows_only") {
    if (!file || !bytes) return;
    setSubmitError(null);
    setUpload({ sent: 0, saved: null, phase: "Uploading" });
    const form = new FormData();
    form.set("file", new Blob([bytes as unknown as BlobPart], { type: "text/csv" }), file.name);
    form.set("asOf", asOf);
    form.set("period", period);
    form.set("mode", mode);
    form.set("allowDuplicate", String(allowDuplicate));
    form.set("overrides", JSON.stringify(overrides));
    let done: UploadEvent | null = null;
    await uploadTeamFile(`/api/orgs/${slug}/imports`, form, (e) => {
      if (e.type === "upload")
        setUpload((u) => ({
          ...(u ?? { saved: null, phase: "" }),
          sent: e.total ? e.loaded / e.total : null,
          phase: "Uploading",
        }));
      else if (e.type === "progress")
        setUpload((u) => ({
          sent: 1,
          saved: e.rowsTotal ? e.rowsSaved / e.rowsTotal : (u?.saved ?? null),
          phase: e.phase === "reading" ? "Checking every row" : e.phase === "saving" ? "Saving reps" : "Done",
        }));
      else done = e;
    });
    const outcome = done as UploadEvent | null;
    if (outcome?.type === "result") {
      router.push(`/o/${slug}`);
      router.refresh();
      return;
    }
    setUpload(null);
    setSubmitError(
      outcome?.type === "error"
        ? outcome.message
        : "The upload did not finish. Nothing was imported; try again.",
    );
  }

  const isDuplicate = Boolean(duplicate.data) && !allowDuplicate;

  return (
    <div className="space-y-6">
      <section className="card space-y-4" aria-labelledby="step-file">
        <h2 id="step-file" className="font-semibold">
          1. Choose the file
        </h2>
        <label
          htmlFor={inputId}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void chooseFile(e.dataTransfer.files[0]);
          }}
          className={`flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed p-8 text-center ${dragging ? "border-blue-500 bg-blue-50 dark:bg-blue-950" : "border-gray-300 dark:border-gray-700"}`}
          data-testid="dropzone"
        >
          <span className="font-medium">Drop your CSV here, or click to choose it</span>
          <span className="text-sm text-gray-600 dark:text-gray-400">
            .csv or .txt · comma, semicolon or tab · UTF-8, UTF-16 or Windows-1252 · at most{" "}
            {MAX_BYTES / 1024 / 1024} MB and 100,000 rows
          </span>
          {file ? (
            <span className="text-sm">
              Selected: {file.name} ({(file.size / 1024).toFixed(1)} KB)
            </span>
          ) : null}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          className="sr-only"
          onChange={(e) => void chooseFile(e.target.files?.[0])}
        />
        <FormError message={fileError ?? (analysis && !analysis.ok ? analysis.error.message : null)} />
        {reading ? (
          <p role="status" className="text-sm">
            Reading the file…
          </p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={asOfId} className="field-label">
              Team as of
            </label>
            <input
              id={asOfId}
              type="date"
              className="field-input"
              value={asOf}
              onChange={(e) => setAsOf(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor={periodId} className="field-label">
              Period the activity counts cover
            </label>
            <input
              id={periodId}
              className="field-input"
              list={`${periodId}-list`}
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
            />
            <datalist id={`${periodId}-list`}>
              {PERIODS.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          </div>
        </div>
      </section>

      {preview ? (
        <>
          <section className="card space-y-3" aria-labelledby="step-mapping">
            <h2 id="step-mapping" className="font-semibold">
              2. Check how the file was read
            </h2>
            <p className="text-sm text-gray-700 dark:text-gray-300" data-testid="read-summary">
              {preview.rowCount.toLocaleString("en-US")} rows · encoding {preview.encodingLabel} ·{" "}
              {preview.delimiterLabel} · <strong>{preview.validCount.toLocaleString("en-US")} valid</strong>,{" "}
              <strong>{preview.invalidRowCount.toLocaleString("en-US")} with errors</strong>
            </p>
            {preview.notes.map((n) => (
              <p key={n} className="text-sm">
                {n}
              </p>
            ))}
            <FormError
              message={
                preview.mappingProblems.length
                  ? preview.mappingProblems.map((p) => p.message).join(" ")
                  : null
              }
            />
            <div className="overflow-x-auto">
              <table className="w-full min-w-[640px] text-left text-sm" data-testid="mapping-table">
                <caption className="sr-only">Columns of your file and the field each fills</caption>
                <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
                  <tr>
                    <th scope="col" className="py-1 pr-2">
                      Column in your file
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      First value
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      Read as
                    </th>
                    <th scope="col" className="py-1">
                      How
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.mapping.map((c) => (
                    <tr key={c.columnIndex} className="border-t border-gray-100 dark:border-gray-800">
                      <th scope="row" className="py-1 pr-2 font-medium">
                        {c.label}
                      </th>
                      <td className="max-w-[12rem] truncate py-1 pr-2 text-gray-700 dark:text-gray-300">
                        {preview.sampleCells[0]?.[c.columnIndex] ?? ""}
                      </td>
                      <td className="py-1 pr-2">
                        <select
                          aria-label={`Field for column ${c.label}`}
                          className="field-input mt-0"
                          value={c.target ?? ""}
                          onChange={(e) =>
                            setTarget(c.columnIndex, (e.target.value || null) as MappingTarget | null)
                          }
                        >
                          <option value="">Ignore this column</option>
                          {MAPPING_TARGET_SPECS.map((s) => (
                            <option key={s.target} value={s.target}>
                              {s.label}
                              {s.required ? " (required)" : ""}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="py-1 text-xs text-gray-600 dark:text-gray-400">
                        {c.match === "none" ? "not recognised" : c.match}
                        {c.note ? ` — ${c.note}` : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {preview.unmapped.length ? (
              <p className="text-sm" data-testid="unmapped">
                Not imported: {preview.unmapped.map((c) => `“${c.label}”`).join(", ")}. Choose a field above
                to keep any of them.
              </p>
            ) : null}
            {preview.columnRules.length ? (
              <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="column-rules">
                {preview.columnRules.map((r) => (
                  <li key={r.columnIndex}>
                    <strong>{r.header}</strong>: {r.description}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <PreviewTables preview={preview} onDownloadErrors={downloadErrors} />
          <section className="card space-y-3" aria-labelledby="step-import">
            <h2 id="step-import" className="font-semibold">
              3. Import
            </h2>
            {duplicate.data ? (
              <div
                role="alert"
                className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
              >
                This exact file was already imported (“{duplicate.data.fileName}”, as of {duplicate.data.asOf}
                ).
                <label className="mt-2 flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={allowDuplicate}
                    onChange={(e) => setAllowDuplicate(e.target.checked)}
                  />{" "}
                  Import it again anyway
                </label>
              </div>
            ) : null}
            <FormError message={submitError} />
            {upload ? (
              <div className="space-y-3" aria-live="polite">
                <ProgressBar label="Upload" value={upload.sent} testId="upload-progress" />
                <ProgressBar
                  label={upload.phase === "Uploading" ? "Processing" : upload.phase}
                  value={upload.saved}
                  testId="processing-progress"
                />
              </div>
            ) : (
              <div className="flex flex-wrap gap-3">
                {preview.canImportAll ? (
                  <button
                    type="button"
                    className="btn-primary"
                    disabled={isDuplicate}
                    onClick={() => void submit("all")}
                  >
                    Import {preview.validCount.toLocaleString("en-US")} reps
                  </button>
                ) : null}
                {!preview.canImportAll && preview.canImportValidOnly ? (
                  <button
                    type="button"
                    className="btn-primary"
                    disabled={isDuplicate}
                    onClick={() => void submit("valid_rows_only")}
                  >
                    Import the {preview.validCount.toLocaleString("en-US")} valid rows only
                  </button>
                ) : null}
                {!preview.canImportAll && !preview.canImportValidOnly ? (
                  <p className="text-sm">Fix the mapping or the file first: no row can be imported yet.</p>
                ) : null}
              </div>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
