import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/trpc/org-page";
import { can } from "@/lib/permissions";
import { LazyPlanner } from "@/components/planner/LazyPlanner";

export const metadata: Metadata = { title: "Restructuring planner" };

export default async function PlannerPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, caller } = await requireOrgPage(slug);
  const report = await caller.report.overview({ orgSlug: slug });
  if (!report) {
    return (
      <section className="card space-y-3">
        <h1 className="text-2xl font-semibold">Restructuring planner</h1>
        <p>Upload your team first: the planner works on your reps&apos; own numbers.</p>
        <Link href={`/o/${slug}`} className="link">
          Back to the overview
        </Link>
      </section>
    );
  }
  const [data, scenarios] = await Promise.all([
    caller.scenarios.plannerData({ orgSlug: slug }),
    caller.scenarios.list({ orgSlug: slug }),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/o/${slug}#recommendations`} className="link">
            ← Recommendations
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Restructuring planner</h1>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Team as of <strong>{data.snapshot.asOf}</strong> ({data.snapshot.period}, {data.snapshot.fileName}).
          Fit and candidates apply the article&apos;s sales-model rules to each rep&apos;s own numbers;
          capacity and cost come from your file; the quarterly plan from your assumptions.{" "}
          <Link href="/methodology#planner" className="link">
            How it is computed
          </Link>
        </p>
      </div>
      <LazyPlanner
        slug={slug}
        data={data}
        initialScenarios={scenarios}
        canManage={can(org.role, "scenarios.manage")}
      />
    </div>
  );
}
