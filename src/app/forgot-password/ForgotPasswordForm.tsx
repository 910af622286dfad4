"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Field, FormError } from "@/components/Field";
import { emailRequestFormSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

export function ForgotPasswordForm({ defaultEmail }: { defaultEmail?: string | undefined }) {
  const t = useTranslations("forgot");
  const auth = useTranslations("auth");
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (sentTo) {
    return (
      <p role="status" className="text-gray-700 dark:text-gray-300">
        {t.rich("sent", { email: sentTo, strong: (c) => <strong>{c}</strong> })}
      </p>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
        const found = fieldErrors(emailRequestFormSchema, data);
        setErrors(found);
        setFormError(null);
        if (Object.keys(found).length) return;
        try {
          await request.mutateAsync({ email: data.email ?? "" });
          setSentTo((data.email ?? "").trim().toLowerCase());
        } catch (err) {
          const shown = formErrors(err, ["email"]);
          setErrors(shown.fields);
          setFormError(shown.form);
        }
      }}
    >
      <FormError message={formError} />
      <Field
        label={auth("workEmail")}
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={defaultEmail}
        error={errors.email}
      />
      <button type="submit" className="btn-primary w-full" disabled={request.isPending}>
        {request.isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
