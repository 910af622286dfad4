"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { FormError } from "@/components/Field";
import { MAPPING_TARGET_SPECS, type MappingTarget, type RememberedMapping as Remembered } from "@/lib/csv";

const targetLabel = (target: MappingTarget | null) =>
  target === null
    ? "Ignore this column"
    : (MAPPING_TARGET_SPECS.find((s) => s.target === target)?.label ?? target);

/**
 * The organization's saved column choices (from its last import, or saved here), by header as normalised when
 * matching: shown, editable and resettable. The file above is read again with them at once. (The parent keys it
 * by the saved mapping, so a save starts a fresh draft.)
 */
export function RememberedMapping({ slug, remembered }: { slug: string; remembered: Remembered }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Record<string, MappingTarget | null>>({ ...remembered });
  const save = useMutation(
    trpc.imports.saveMapping.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.imports.uploadContext.queryKey({ orgSlug: slug }) }),
    }),
  );
  const entries = Object.entries(draft);
  const changed = JSON.stringify(draft) !== JSON.stringify(remembered);
  const savedCount = Object.keys(remembered).length;
  return (
    <details
      className="rounded-md border border-gray-200 p-3 text-sm dark:border-gray-800"
      data-testid="remembered-mapping"
    >
      <summary className="cursor-pointer font-medium">
        Saved column choices for this organization ({savedCount === 0 ? "none yet" : `${savedCount} columns`})
      </summary>
      <p className="mt-2 text-gray-700 dark:text-gray-300">
        Each import remembers which field every column filled; the next file with the same headers starts from
        these choices. Headers are shown as they are compared (lower case, without spaces or punctuation).
      </p>
      {entries.length ? (
        <table className="mt-2 w-full text-left">
          <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
            <tr>
              <th scope="col" className="py-1 pr-2">
                Header
              </th>
              <th scope="col" className="py-1 pr-2">
                Field
              </th>
              <th scope="col" className="py-1">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([header, target]) => (
              <tr key={header} className="border-t border-gray-100 dark:border-gray-800">
                <th scope="row" className="py-1 pr-2 font-mono text-xs font-normal">
                  {header}
                </th>
                <td className="py-1 pr-2">
                  <select
                    aria-label={`Saved field for ${header}`}
                    className="field-input mt-0"
                    value={target ?? ""}
                    onChange={(e) =>
                      setDraft((d) => ({ ...d, [header]: (e.target.value || null) as MappingTarget | null }))
                    }
                  >
                    <option value="">{targetLabel(null)}</option>
                    {MAPPING_TARGET_SPECS.map((s) => (
                      <option key={s.target} value={s.target}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-1">
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={`Forget ${header}`}
                    onClick={() =>
                      setDraft((d) => Object.fromEntries(Object.entries(d).filter(([h]) => h !== header)))
                    }
                  >
                    Forget
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-2">No saved choices: columns are matched by their names only.</p>
      )}
      <FormError message={save.error?.message ?? null} />
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-primary"
          disabled={!changed || save.isPending}
          onClick={() => save.mutate({ orgSlug: slug, mapping: draft })}
        >
          Save these choices
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={savedCount === 0 || save.isPending}
          onClick={() => save.mutate({ orgSlug: slug, mapping: {} })}
        >
          Reset: forget all saved choices
        </button>
      </div>
    </details>
  );
}
