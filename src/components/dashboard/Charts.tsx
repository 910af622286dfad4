"use client";
import dynamic from "next/dynamic";

const skeleton = (h: string) => {
  const Skeleton = () => (
    <div className={`${h} animate-pulse rounded bg-gray-100 dark:bg-gray-800`} aria-hidden />
  );
  return Skeleton;
};

// Each chart's code loads only on the page that shows it.
export const LazyTrendChart = dynamic(() => import("./TrendChart"), {
  ssr: false,
  loading: skeleton("h-64"),
});
export const LazyAttainmentChart = dynamic(() => import("./AttainmentChart"), {
  ssr: false,
  loading: skeleton("h-56"),
});
