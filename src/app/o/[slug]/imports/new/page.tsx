import type { Metadata } from "next";
import { requireOrgPage } from "@/trpc/org-page";
import { can } from "@/lib/permissions";
import { MAX_BYTES, MAX_ROWS } from "@/lib/csv";
import { UploadFlow } from "./UploadFlow";

export const metadata: Metadata = { title: "Upload your team" };

export default async function NewImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org } = await requireOrgPage(slug);
  if (!can(org.role, "imports.create")) {
    return (
      <div className="card max-w-2xl">
        <h1 className="text-xl font-semibold">Upload your team</h1>
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          Your role ({org.role}) can read the dashboards but not upload. Ask an analyst, admin or the owner of{" "}
          {org.name}.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Upload your team</h1>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          A CSV with one row per rep, as your CRM, HR system or spreadsheet exports it — up to{" "}
          <strong>{MAX_BYTES / 1024 / 1024} MB</strong> and{" "}
          <strong>{MAX_ROWS.toLocaleString("en-US")} rows</strong>. Nothing is saved until you confirm.{" "}
          <a className="link" href="/api/template.csv" download>
            Download the template
          </a>{" "}
          to see every field.
        </p>
      </div>
      <UploadFlow slug={slug} />
    </div>
  );
}
