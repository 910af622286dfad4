import Link from "next/link";
import { methodologyHref } from "./format";

/** Says where a number comes from: the article (linked to its figure) or the org's own data. */
export function ArticleSource({ figureId, note }: { figureId: string; note?: string | null }) {
  return (
    <Link
      href={methodologyHref(figureId)}
      className="inline-flex items-center gap-1 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 hover:underline dark:bg-amber-950 dark:text-amber-200"
      title={`Benchmark from the article — figure ${figureId}`}
    >
      Article · {figureId}
      {note ? <span className="font-normal">({note})</span> : null}
    </Link>
  );
}

export function YourDataTag({ label = "Your data" }: { label?: string }) {
  return (
    <span className="inline-flex items-center rounded bg-blue-50 px-1.5 py-0.5 text-xs font-medium text-blue-900 dark:bg-blue-950 dark:text-blue-200">
      {label}
    </span>
  );
}
