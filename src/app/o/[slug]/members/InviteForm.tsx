"use client";
import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { useTranslations } from "next-intl";
import { ROLE_RANK, ROLES, type Role } from "@/lib/permissions";
import { useKnownMessage } from "@/components/useKnownMessage";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { CopyInviteLink, errorField, errorMessage, type MembersPageProps } from "./shared";

type Result = RouterOutputs["invitations"]["create"]["results"][number];

/** Splits what people paste: commas, semicolons, spaces or new lines between addresses. */
function splitEmails(value: string) {
  return value
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}

export function InviteForm({
  slug,
  role,
  onNotice,
}: MembersPageProps & { onNotice: (m: string | null) => void }) {
  const t = useTranslations("invite");
  const roles = useTranslations("roles");
  const localize = useKnownMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.invitations.create.mutationOptions());
  const grantable = ROLES.filter((r) => ROLE_RANK[r] <= ROLE_RANK[role]);
  const [emails, setEmails] = useState("");
  const [inviteRole, setInviteRole] = useState<Role>(grantable.includes("analyst") ? "analyst" : "viewer");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [results, setResults] = useState<Result[]>([]);
  const ids = {
    emails: useId(),
    role: useId(),
    roleHelp: useId(),
    emailsHelp: useId(),
    emailsError: useId(),
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setFieldError(null);
    onNotice(null);
    const list = splitEmails(emails);
    if (!list.length) {
      setFieldError("Enter at least one email address");
      return;
    }
    try {
      const res = await create.mutateAsync({ orgSlug: slug, emails: list, role: inviteRole });
      setResults(res.results);
      const sent = res.results.filter((r) => r.status === "sent").length;
      onNotice(sent ? `${sent} invitation${sent === 1 ? "" : "s"} sent.` : null);
      if (sent) setEmails("");
      await queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey({ orgSlug: slug }) });
    } catch (err) {
      setResults([]);
      const message = errorMessage(err);
      if (errorField(err) === "emails") setFieldError(message);
      else setError(message);
    }
  }

  return (
    <section className="card space-y-4" aria-labelledby="invite-title">
      <h2 id="invite-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={error} />
        <div className="grid gap-4 md:grid-cols-[1fr_14rem]">
          <div>
            <label htmlFor={ids.emails} className="field-label">
              {t("emails")}
            </label>
            <textarea
              id={ids.emails}
              name="emails"
              rows={2}
              className="field-input"
              value={emails}
              onChange={(e) => setEmails(e.target.value)}
              placeholder="revops@company.com, finance@company.com"
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? ids.emailsError : ids.emailsHelp}
            />
            {fieldError ? (
              <p id={ids.emailsError} className="field-error" role="alert">
                {localize(fieldError)}
              </p>
            ) : (
              <p id={ids.emailsHelp} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
                {t("help")}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={ids.role} className="field-label">
              {t("role")}
            </label>
            <select
              id={ids.role}
              name="role"
              className="field-input"
              value={inviteRole}
              onChange={(e) => setInviteRole(e.target.value as Role)}
              aria-describedby={ids.roleHelp}
            >
              {grantable.map((r) => (
                <option key={r} value={r}>
                  {roles(r)}
                </option>
              ))}
            </select>
            <p id={ids.roleHelp} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
              {t(`roleHelp.${inviteRole}`)}
            </p>
          </div>
        </div>
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={create.isPending}>
          {create.isPending ? t("sending") : t("send")}
        </button>
      </form>
      {results.length ? (
        <ul
          className="space-y-3 border-t border-gray-200 pt-4 text-sm dark:border-gray-800"
          aria-label={t("results")}
        >
          {results.map((r) => (
            <li key={r.email}>
              {r.status === "sent" ? (
                <>
                  <p>
                    {t.rich(r.delivery === "smtp" ? "sentByEmail" : "sent", {
                      email: r.email,
                      strong: (c) => <strong>{c}</strong>,
                    })}
                  </p>
                  {r.inviteUrl ? (
                    <>
                      {r.delivery !== "smtp" ? (
                        <p className="mt-1 text-gray-700 dark:text-gray-300">{t(`delivery.${r.delivery}`)}</p>
                      ) : null}
                      <CopyInviteLink email={r.email} url={r.inviteUrl} />
                    </>
                  ) : null}
                </>
              ) : r.status === "already_member" ? (
                <p>{t.rich("member", { email: r.email, strong: (c) => <strong>{c}</strong> })}</p>
              ) : (
                <p>{t.rich("pending", { email: r.email, strong: (c) => <strong>{c}</strong> })}</p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
