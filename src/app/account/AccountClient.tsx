"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { Field, FormError } from "@/components/Field";
import { describeUserAgent } from "@/lib/user-agent";
import { PASSWORD_MAX, PASSWORD_MIN, passwordSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { errorMessage, formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

const formatDateTime = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(d));

const changeSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password"),
  newPassword: passwordSchema,
});

export function AccountClient() {
  return (
    <div className="space-y-6">
      <SessionList />
      <ChangePassword />
    </div>
  );
}

function SessionList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.auth.sessions.queryOptions());
  const revoke = useMutation(
    trpc.auth.revokeSession.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() }),
    }),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sessions = list.data?.sessions ?? [];
  return (
    <section className="card space-y-3" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="text-lg font-semibold">
        Where you are signed in
      </h2>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        A session ends when you sign out, 30 days after signing in, or after a period without use (see the
        last-seen time). Revoke any you do not recognise, then change your password.
      </p>
      <p role="status" className="text-sm text-green-800 empty:hidden dark:text-green-300">
        {notice}
      </p>
      <FormError message={error ?? (list.error ? errorMessage(list.error) : null)} />
      <ul className="divide-y divide-gray-200 dark:divide-gray-800" data-testid="session-list">
        {sessions.map((s) => {
          const device = describeUserAgent(s.userAgent);
          return (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="text-sm">
                <p className="font-medium">
                  {device}
                  {s.current ? (
                    <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-900 dark:bg-green-900 dark:text-green-100">
                      This device
                    </span>
                  ) : null}
                </p>
                <p className="text-gray-600 dark:text-gray-400">
                  IP {s.ip ?? "unknown"} · last seen {formatDateTime(s.lastSeenAt)} · signed in{" "}
                  {formatDateTime(s.createdAt)}
                </p>
              </div>
              {s.current ? null : (
                <button
                  type="button"
                  className="btn-secondary"
                  aria-label={`Revoke the session on ${device}, last seen ${formatDateTime(s.lastSeenAt)}`}
                  disabled={revoke.isPending}
                  onClick={async () => {
                    setError(null);
                    try {
                      await revoke.mutateAsync({ sessionId: s.id });
                      setNotice(`The session on ${device} was signed out.`);
                    } catch (e) {
                      setError(errorMessage(e));
                    }
                  }}
                >
                  Revoke
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ChangePassword() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="card space-y-3" aria-labelledby="password-title">
      <h2 id="password-title" className="text-lg font-semibold">
        Change password
      </h2>
      <p role="status" className="text-sm text-green-800 empty:hidden dark:text-green-300">
        {notice}
      </p>
      <form
        noValidate
        className="max-w-md space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
          const found = fieldErrors(changeSchema, data);
          setErrors(found);
          setFormError(null);
          setNotice(null);
          if (Object.keys(found).length) return;
          try {
            const { revokedSessions } = await change.mutateAsync({
              currentPassword: data.currentPassword ?? "",
              newPassword: data.newPassword ?? "",
            });
            form.reset();
            setNotice(
              `Your password was changed. ${revokedSessions === 1 ? "1 other session was" : `${revokedSessions} other sessions were`} signed out.`,
            );
            await queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() });
          } catch (err) {
            const shown = formErrors(err, ["currentPassword", "newPassword"]);
            setErrors(shown.fields);
            setFormError(shown.form);
          }
        }}
      >
        <FormError message={formError} />
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not a common or breached password.`}
          error={errors.newPassword}
        />
        <button type="submit" className="btn-primary" disabled={change.isPending}>
          {change.isPending ? "Saving…" : "Change password"}
        </button>
      </form>
    </section>
  );
}
