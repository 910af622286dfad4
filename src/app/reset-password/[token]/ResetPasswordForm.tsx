"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { Field, FormError } from "@/components/Field";
import { PASSWORD_MAX, PASSWORD_MIN, passwordSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

const schema = z.object({ password: passwordSchema });

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("reset");
  const auth = useTranslations("auth");
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [doneFor, setDoneFor] = useState<string | null>(null);
  if (doneFor) {
    return (
      <div role="status" className="space-y-4 text-gray-700 dark:text-gray-300">
        <p>{t("done")}</p>
        <Link href={`/signin?email=${encodeURIComponent(doneFor)}`} className="btn-primary w-full">
          {t("signInNew")}
        </Link>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
        const found = fieldErrors(schema, data);
        setErrors(found);
        setFormError(null);
        if (Object.keys(found).length) return;
        try {
          const { email } = await reset.mutateAsync({ token, password: data.password ?? "" });
          setDoneFor(email);
        } catch (err) {
          const shown = formErrors(err, ["password"]);
          setErrors(shown.fields);
          setFormError(shown.form);
        }
      }}
    >
      <FormError message={formError} />
      <Field
        label={auth("newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={auth("passwordHintShort", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        error={errors.password}
      />
      <button type="submit" className="btn-primary w-full" disabled={reset.isPending}>
        {reset.isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
