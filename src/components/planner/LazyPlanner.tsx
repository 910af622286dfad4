"use client";
import dynamic from "next/dynamic";

// The planner runs its computation (and Tremor's chart) in the browser: loaded after the page, not with it.
export const LazyPlanner = dynamic(() => import("./Planner").then((m) => m.Planner), {
  ssr: false,
  loading: () => (
    <section className="card" aria-busy="true" aria-label="Planner loading">
      <div className="h-96 animate-pulse rounded bg-gray-100 dark:bg-gray-800" />
    </section>
  ),
});
