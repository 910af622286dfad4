"use client";
import dynamic from "next/dynamic";

// The what-if runs the benchmark engine (and its dataset) in the browser: loaded after the page, not with it.
export const LazyWhatIf = dynamic(() => import("./WhatIf").then((m) => m.WhatIf), {
  ssr: false,
  loading: () => (
    <section className="card" aria-busy="true" aria-label="What-if loading">
      <div className="h-48 animate-pulse rounded bg-gray-100 dark:bg-gray-800" />
    </section>
  ),
});
