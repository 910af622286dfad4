"use client";
import { useId, useState, type Dispatch } from "react";
import { FormError } from "@/components/Field";
import { MAX_BYTES } from "@/lib/csv";
import { PERIODS, type UploadAction } from "./upload-state";

/** Step 1: the file, the date it describes and the period its activity counts cover. */
export function FileStep({
  file,
  fileError,
  reading,
  asOf,
  period,
  dispatch,
  onChoose,
}: {
  file: File | null;
  fileError: string | null;
  reading: boolean;
  asOf: string;
  period: string;
  dispatch: Dispatch<UploadAction>;
  onChoose: (file: File | undefined | null) => void;
}) {
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const asOfId = useId();
  const periodId = useId();
  return (
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
          onChoose(e.dataTransfer.files[0]);
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
        onChange={(e) => onChoose(e.target.files?.[0])}
      />
      <FormError message={fileError} />
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
            onChange={(e) => dispatch({ type: "setAsOf", value: e.target.value })}
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
            onChange={(e) => dispatch({ type: "setPeriod", value: e.target.value })}
          />
          <datalist id={`${periodId}-list`}>
            {PERIODS.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </div>
      </div>
    </section>
  );
}
