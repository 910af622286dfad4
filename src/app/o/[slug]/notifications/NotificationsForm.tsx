"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { REMINDER_DAYS_DEFAULT, REMINDER_DAYS_MAX, REMINDER_DAYS_MIN } from "@/lib/notifications";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

const RANGE = { min: REMINDER_DAYS_MIN, max: REMINDER_DAYS_MAX };

export function NotificationsForm({ slug, orgName }: { slug: string; orgName: string }) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.notifications.get.queryOptions({ orgSlug: slug }));
  const update = useMutation(
    trpc.notifications.update.mutationOptions({
      onSuccess: (saved) =>
        queryClient.setQueryData(trpc.notifications.get.queryKey({ orgSlug: slug }), saved),
    }),
  );
  const [uploadDigest, setUploadDigest] = useState(data.uploadDigest);
  const [reminderOn, setReminderOn] = useState(data.reminderDays !== null);
  const [days, setDays] = useState(String(data.reminderDays ?? REMINDER_DAYS_DEFAULT));
  const [daysError, setDaysError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const changed = () => {
    setSaved(false);
    setFormError(null);
  };

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    changed();
    const reminderDays = reminderOn ? Number(days.trim()) : null;
    if (
      reminderDays !== null &&
      (!/^\d+$/.test(days.trim()) || reminderDays < REMINDER_DAYS_MIN || reminderDays > REMINDER_DAYS_MAX)
    ) {
      setDaysError(t("reminderRange", RANGE));
      return;
    }
    setDaysError(null);
    try {
      await update.mutateAsync({ orgSlug: slug, uploadDigest, reminderDays });
      setSaved(true);
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5">
      <p className="text-sm text-gray-700 dark:text-gray-300">
        {t("intro", { org: orgName, email: data.email })}
      </p>
      <FormError message={formError} />
      <div className="flex items-start gap-3">
        <input
          id="notify-upload"
          type="checkbox"
          className="mt-1"
          checked={uploadDigest}
          onChange={(e) => {
            changed();
            setUploadDigest(e.target.checked);
          }}
          aria-describedby="notify-upload-hint"
        />
        <div>
          <label htmlFor="notify-upload" className="font-medium">
            {t("uploadLabel")}
          </label>
          <p id="notify-upload-hint" className="text-sm text-gray-600 dark:text-gray-400">
            {t("uploadHint")}
          </p>
        </div>
      </div>
      <div className="flex items-start gap-3">
        <input
          id="notify-reminder"
          type="checkbox"
          className="mt-1"
          checked={reminderOn}
          onChange={(e) => {
            changed();
            setReminderOn(e.target.checked);
          }}
        />
        <div className="space-y-2">
          <label htmlFor="notify-reminder" className="font-medium">
            {t("reminderLabel")}
          </label>
          <div>
            <label htmlFor="notify-reminder-days" className="field-label">
              {t("reminderDays")}
            </label>
            <input
              id="notify-reminder-days"
              className="field-input w-28"
              inputMode="numeric"
              disabled={!reminderOn}
              value={days}
              onChange={(e) => {
                changed();
                setDays(e.target.value);
              }}
              aria-invalid={daysError ? true : undefined}
              aria-describedby={daysError ? "notify-reminder-days-error" : "notify-reminder-days-hint"}
            />
            {daysError ? (
              <p id="notify-reminder-days-error" className="field-error" role="alert">
                {daysError}
              </p>
            ) : (
              <p id="notify-reminder-days-hint" className="mt-1 text-xs text-gray-600 dark:text-gray-400">
                {t("reminderHint", RANGE)}
              </p>
            )}
          </div>
        </div>
      </div>
      <p className="text-sm text-gray-600 dark:text-gray-400">{t("unsubscribeNote")}</p>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={update.isPending}>
          {update.isPending ? t("saving") : t("save")}
        </button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {t("saved")}
          </p>
        ) : null}
      </div>
    </form>
  );
}
