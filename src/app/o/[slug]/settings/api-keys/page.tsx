import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/trpc/org-page";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { ApiKeysClient } from "./ApiKeysClient";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org } = await requireOrgPage(slug);
  if (!can(org.role, "apikeys.manage")) {
    return (
      <div className="card max-w-2xl space-y-2">
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="text-gray-700 dark:text-gray-300">
          Only admins and owners of {org.name} can create and revoke API keys. Your role is{" "}
          {ROLE_LABELS[org.role].toLowerCase()}. Ask an admin for a key if you need to automate uploads or
          reports.
        </p>
        <p className="text-sm">
          <Link href="/docs/api" className="link">
            Read the API documentation
          </Link>
        </p>
      </div>
    );
  }
  await getQueryClient().prefetchQuery(trpc.apiKeys.list.queryOptions({ orgSlug: slug }));
  return (
    <HydrateClient>
      <ApiKeysClient slug={org.slug} orgName={org.name} />
    </HydrateClient>
  );
}
