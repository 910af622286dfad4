"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/** Every chart slot of the report holds a drawn chart (Recharts draws an svg once it has measured its box). */
function chartsDrawn(): boolean {
  return Array.from(document.querySelectorAll("[data-report-chart]")).every(
    (slot) => slot.querySelector("svg.recharts-surface") !== null,
  );
}

function waitForCharts(timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      if (chartsDrawn()) resolve(true);
      else if (Date.now() - started > timeoutMs) resolve(false);
      else window.setTimeout(check, 100);
    };
    check();
  });
}

/**
 * Opens the browser's print dialog ("Save as PDF" is one of its destinations) once the lazily loaded charts
 * are drawn, so the paper copy never shows a loading placeholder instead of a chart.
 */
export function PrintButton() {
  const t = useTranslations("print");
  const [ready, setReady] = useState(false);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void waitForCharts(30_000).then((drawn) => {
      if (!cancelled) setReady(drawn);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  async function print() {
    setWaiting(true);
    await waitForCharts(10_000);
    setWaiting(false);
    window.print();
  }

  return (
    <>
      <button
        type="button"
        className="btn-primary"
        onClick={() => void print()}
        data-testid="print-report"
        data-charts-ready={ready ? "true" : "false"}
      >
        {waiting ? t("preparing") : t("print")}
      </button>
      <span role="status" className="sr-only">
        {ready ? t("ready") : t("loading")}
      </span>
    </>
  );
}
