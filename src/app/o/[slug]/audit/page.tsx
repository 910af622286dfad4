import type { Metadata } from "next";
import { requireOrgPage } from "@/trpc/org-page";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { can } from "@/lib/permissions";
import { AuditClient } from "./AuditClient";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org } = await requireOrgPage(slug);
  if (!can(org.role, "audit.read")) {
    return (
      <div className="card max-w-2xl space-y-2">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-gray-700 dark:text-gray-300">
          Only admins and owners of {org.name} can read the audit log. Ask one of them if you need to know who
          changed something.
        </p>
      </div>
    );
  }
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.audit.filters.queryOptions({ orgSlug: slug })),
    queryClient.prefetchInfiniteQuery(
      trpc.audit.list.infiniteQueryOptions(
        { orgSlug: slug },
        { getNextPageParam: (last) => last.nextCursor },
      ),
    ),
  ]);
  return (
    <HydrateClient>
      <AuditClient slug={org.slug} orgName={org.name} />
    </HydrateClient>
  );
}
