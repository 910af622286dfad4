import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { requireOrgPage } from "@/trpc/org-page";
import { can } from "@/lib/permissions";
import { RepsTable } from "./RepsTable";

export const metadata: Metadata = { title: "Snapshot" };

export default async function SnapshotPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { org, caller } = await requireOrgPage(slug);
  const snapshot = await caller.imports.get({ orgSlug: slug, snapshotId: id }).catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <Link href={`/o/${slug}/imports`} className="link text-sm">
        ← All uploads
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{snapshot.fileName}</h1>
          <p className="text-sm text-gray-700 dark:text-gray-300">
            As of {snapshot.asOf} · {snapshot.period} · {snapshot.rowCount.toLocaleString("en-US")} reps
          </p>
        </div>
        {can(org.role, "exports.create") && snapshot.status === "completed" ? (
          <a className="btn-secondary" href={`/api/orgs/${slug}/snapshots/${id}/reps.csv`}>
            Export CSV
          </a>
        ) : null}
      </div>
      <RepsTable slug={slug} snapshotId={id} />
    </div>
  );
}
