"use client";
import { useId, useState } from "react";

/** A secret in a read-only field with a copy button (the field is selectable when the clipboard is denied). */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          className="field-input font-mono text-xs"
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <button
        type="button"
        className="btn-secondary"
        aria-live="polite"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setState("copied");
          } catch {
            setState("failed");
          }
        }}
      >
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select and copy" : "Copy"}
      </button>
    </div>
  );
}
