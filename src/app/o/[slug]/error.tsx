"use client";

/** An unexpected failure while loading an organization page: say so, and offer to try again. */
export default function OrgError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="card max-w-2xl space-y-3">
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="text-gray-700 dark:text-gray-300">
        Something went wrong on our side while reading your data. Nothing was changed. Try again; if it keeps
        happening, mention reference <code className="font-mono">{error.digest ?? "unknown"}</code> to
        support.
      </p>
      <button type="button" className="btn-primary" onClick={() => reset()}>
        Try again
      </button>
    </div>
  );
}
