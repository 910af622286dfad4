import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/trpc/org-page";
import { can } from "@/lib/permissions";
import { SnapshotList } from "./SnapshotList";

export const metadata: Metadata = { title: "Team uploads" };

export default async function ImportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, caller } = await requireOrgPage(slug);
  const list = await caller.imports.list({ orgSlug: slug });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Team uploads</h1>
          <p className="text-sm text-gray-700 dark:text-gray-300">
            Every upload is a snapshot of your team. The dashboard shows the current one (by default the
            latest).
          </p>
        </div>
        <div className="flex gap-2">
          <a href="/api/template.csv" className="btn-secondary" download>
            CSV template
          </a>
          {can(org.role, "imports.create") ? (
            <Link href={`/o/${slug}/imports/new`} className="btn-primary">
              Upload your team
            </Link>
          ) : null}
        </div>
      </div>
      <SnapshotList
        slug={slug}
        items={list.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }))}
        canSetCurrent={can(org.role, "imports.create")}
        canDelete={can(org.role, "snapshots.delete")}
        canExport={can(org.role, "exports.create")}
      />
    </div>
  );
}
