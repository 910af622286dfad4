"use client";
import { useState } from "react";
import { MAX_INLINE_FIXES, type CsvRowError, type TeamCsvPreview } from "@/lib/csv";

/** What the errors table needs to let the user correct a cell in place. */
export interface InlineFix {
  /** The column index of an error's column, or null when it is about the whole row. */
  columnOf: (error: CsvRowError) => number | null;
  onFix: (row: number, columnIndex: number, value: string) => void;
  /** Why cells cannot be fixed here (too many errors, broken quotes), or null. */
  refusal: string | null;
  /** How many cells the user corrected. */
  fixedCount: number;
  onUndoAll: () => void;
}

/** A value to correct: checked again when the user presses Enter or leaves the field. */
function FixableValue({
  error,
  columnIndex,
  onFix,
}: {
  error: CsvRowError;
  columnIndex: number;
  onFix: InlineFix["onFix"];
}) {
  const commit = (value: string) => {
    if (value !== error.value) onFix(error.row, columnIndex, value);
  };
  return (
    <input
      className="field-input mt-0 font-mono text-xs"
      defaultValue={error.value}
      aria-label={`Fix row ${error.row}, ${error.column ?? "whole row"}`}
      onBlur={(e) => commit(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit(e.currentTarget.value);
      }}
    />
  );
}

const ERRORS_PER_PAGE = 25;
const show = (v: number | string | null) =>
  v === null ? "—" : typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 3 }) : v;

/** The first rows as they will be saved, and every error, a page at a time. */
export function PreviewTables({
  preview,
  onDownloadErrors,
  onDownloadFileWithErrors,
  fix,
}: {
  preview: TeamCsvPreview;
  onDownloadErrors: () => void;
  onDownloadFileWithErrors: (() => void) | null;
  fix: InlineFix;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(preview.errors.length / ERRORS_PER_PAGE));
  const errors = preview.errors.slice(page * ERRORS_PER_PAGE, (page + 1) * ERRORS_PER_PAGE);
  const reps = preview.sampleRows.flatMap((r) => ("rep" in r ? [{ row: r.row, rep: r.rep }] : []));
  return (
    <>
      <section className="card" aria-labelledby="sample-title">
        <h2 id="sample-title" className="font-semibold">
          First rows as they will be saved
        </h2>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[800px] text-left text-sm" data-testid="sample-rows">
            <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
              <tr>
                {[
                  "Row",
                  "Name",
                  "Role",
                  "Title",
                  "Team",
                  "Base",
                  "OTE",
                  "Quota",
                  "Attainment",
                  "Calls",
                  "Deal size",
                ].map((h) => (
                  <th key={h} scope="col" className="py-1 pr-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reps.map(({ row, rep }) => (
                <tr key={row} className="border-t border-gray-100 dark:border-gray-800">
                  <td className="py-1 pr-2 tabular-nums">{row}</td>
                  <td className="py-1 pr-2">{rep.name}</td>
                  <td className="py-1 pr-2">{rep.role}</td>
                  <td className="py-1 pr-2">{show(rep.title)}</td>
                  <td className="py-1 pr-2">{show(rep.team)}</td>
                  <td className="py-1 pr-2 tabular-nums">{show(rep.baseSalary)}</td>
                  <td className="py-1 pr-2 tabular-nums">{show(rep.ote)}</td>
                  <td className="py-1 pr-2 tabular-nums">{show(rep.annualQuota)}</td>
                  <td className="py-1 pr-2 tabular-nums">
                    {rep.quotaAttainment === null ? "—" : `${Math.round(rep.quotaAttainment * 1000) / 10}%`}
                  </td>
                  <td className="py-1 pr-2 tabular-nums">{show(rep.calls)}</td>
                  <td className="py-1 pr-2 tabular-nums">{show(rep.avgDealSize)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {preview.errorCount > 0 ? (
        <section className="card" aria-labelledby="errors-title" data-testid="errors">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="errors-title" className="font-semibold">
              {preview.errorCount.toLocaleString("en-US")} problems in{" "}
              {preview.invalidRowCount.toLocaleString("en-US")} rows
            </h2>
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn-secondary" onClick={onDownloadErrors}>
                Download the errors as CSV
              </button>
              {onDownloadFileWithErrors ? (
                <button type="button" className="btn-secondary" onClick={onDownloadFileWithErrors}>
                  Download the file with an error column
                </button>
              ) : null}
            </div>
          </div>
          <p className="mt-2 text-sm" data-testid="fix-help">
            {fix.refusal ??
              `Correct a value below and press Enter: the file is checked again at once (up to ${MAX_INLINE_FIXES} problems can be fixed here; problems with a whole row must be fixed in the file).`}
          </p>
          {preview.errorsTruncated ? (
            <p className="text-sm">
              Only the first {preview.errors.length.toLocaleString("en-US")} are listed.
            </p>
          ) : null}
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[640px] text-left text-sm">
              <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
                <tr>
                  <th scope="col" className="py-1 pr-2">
                    Row
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    Column
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    Value
                  </th>
                  <th scope="col" className="py-1">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e, i) => (
                  <tr
                    key={`${e.row}-${e.column}-${i}`}
                    className="border-t border-gray-100 dark:border-gray-800"
                  >
                    <td className="py-1 pr-2 tabular-nums">{e.row}</td>
                    <td className="py-1 pr-2">{e.column ?? "whole row"}</td>
                    <td className="py-1 pr-2 font-mono text-xs">
                      {(() => {
                        const columnIndex = fix.refusal === null ? fix.columnOf(e) : null;
                        return columnIndex === null ? (
                          e.value
                        ) : (
                          <FixableValue
                            key={`${e.row}-${columnIndex}-${e.value}`}
                            error={e}
                            columnIndex={columnIndex}
                            onFix={fix.onFix}
                          />
                        );
                      })()}
                    </td>
                    <td className="py-1">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <div className="mt-2 flex items-center gap-2 text-sm">
              <button
                type="button"
                className="btn-secondary"
                disabled={page === 0}
                onClick={() => setPage((p) => p - 1)}
              >
                Previous
              </button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <button
                type="button"
                className="btn-secondary"
                disabled={page + 1 >= pages}
                onClick={() => setPage((p) => p + 1)}
              >
                Next
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
      {fix.fixedCount > 0 ? (
        <p className="card text-sm" data-testid="fixed-summary">
          {fix.fixedCount === 1 ? "1 value corrected" : `${fix.fixedCount} values corrected`} here; the
          corrected file is what will be imported (your original file is unchanged).{" "}
          <button type="button" className="underline" onClick={fix.onUndoAll}>
            Undo all corrections
          </button>
        </p>
      ) : null}
    </>
  );
}
