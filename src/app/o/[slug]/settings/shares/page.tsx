import type { Metadata } from "next";
import { requireOrgPage } from "@/trpc/org-page";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { SharesClient } from "./SharesClient";

export const metadata: Metadata = { title: "Share links" };

export default async function SharesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, caller } = await requireOrgPage(slug);
  if (!can(org.role, "shares.manage")) {
    return (
      <div className="card max-w-2xl space-y-2">
        <h1 className="text-2xl font-semibold">Share links</h1>
        <p className="text-gray-700 dark:text-gray-300">
          Only admins and owners of {org.name} can create and revoke read-only links to the report. Your role
          is {ROLE_LABELS[org.role].toLowerCase()}. Ask an admin for a link, or print the report.
        </p>
      </div>
    );
  }
  const [uploads, scenarios] = await Promise.all([
    caller.imports.list({ orgSlug: slug, limit: 200 }),
    caller.scenarios.list({ orgSlug: slug }),
    getQueryClient().prefetchQuery(trpc.shares.list.queryOptions({ orgSlug: slug })),
  ]);
  return (
    <HydrateClient>
      <SharesClient
        slug={org.slug}
        orgName={org.name}
        uploads={uploads.items
          .filter((u) => u.status === "completed")
          .map((u) => ({
            id: u.id,
            label: `${u.fileName} (as of ${u.asOf}, ${u.period})`,
            current: u.isCurrent,
          }))}
        scenarios={scenarios
          .filter((s) => !s.snapshotDeleted)
          .map((s) => ({ id: s.id, name: s.name, snapshotId: s.snapshotId }))}
      />
    </HydrateClient>
  );
}
