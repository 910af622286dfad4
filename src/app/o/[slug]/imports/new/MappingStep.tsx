"use client";
import { FormError } from "@/components/Field";
import { MAPPING_TARGET_SPECS, type MappingTarget, type TeamCsvPreview } from "@/lib/csv";

/** Step 2: how each column of the file was read, and the field it fills (the user can change it). */
export function MappingStep({
  preview,
  encodingLabel,
  onTarget,
  children,
}: {
  preview: TeamCsvPreview;
  /** The original file's encoding (a corrected copy is re-read as text). */
  encodingLabel: string;
  onTarget: (columnIndex: number, target: MappingTarget | null) => void;
  children?: React.ReactNode;
}) {
  return (
    <section className="card space-y-3" aria-labelledby="step-mapping">
      <h2 id="step-mapping" className="font-semibold">
        2. Check how the file was read
      </h2>
      <p className="text-sm text-gray-700 dark:text-gray-300" data-testid="read-summary">
        {preview.rowCount.toLocaleString("en-US")} rows · encoding {encodingLabel} · {preview.delimiterLabel}{" "}
        · <strong>{preview.validCount.toLocaleString("en-US")} valid</strong>,{" "}
        <strong>{preview.invalidRowCount.toLocaleString("en-US")} with errors</strong>
      </p>
      {preview.notes.map((n) => (
        <p key={n} className="text-sm">
          {n}
        </p>
      ))}
      <FormError
        message={
          preview.mappingProblems.length ? preview.mappingProblems.map((p) => p.message).join(" ") : null
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
                      onTarget(c.columnIndex, (e.target.value || null) as MappingTarget | null)
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
          Not imported: {preview.unmapped.map((c) => `“${c.label}”`).join(", ")}. Choose a field above to keep
          any of them.
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
      {children}
    </section>
  );
}
