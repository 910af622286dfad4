import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroll, so the page never scrolls sideways on a phone. Focusable and named, so a
 * keyboard user can scroll it and a screen reader says what it holds.
 */
export function ScrollRegion({
  label,
  children,
  className = "",
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`scroll-region max-w-full overflow-x-auto rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 ${className}`}
    >
      {children}
    </div>
  );
}
