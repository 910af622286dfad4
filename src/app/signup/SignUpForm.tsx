"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Field, FormError } from "@/components/Field";
import { PASSWORD_MAX, PASSWORD_MIN, signUpSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Sign-up ends with "check your email" whatever the address: the email says what comes next. */
export function SignUpForm() {
  const t = useTranslations("signUp");
  const auth = useTranslations("auth");
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const found = fieldErrors(signUpSchema, data);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    try {
      const { email } = await signUp.mutateAsync({
        name: data.name ?? "",
        email: data.email ?? "",
        password: data.password ?? "",
        organizationName: data.organizationName ?? "",
      });
      setSentTo(email);
    } catch (err) {
      const shown = formErrors(err, ["name", "email", "password", "organizationName"]);
      setErrors(shown.fields);
      setFormError(shown.form);
    }
  }

  if (sentTo) {
    return (
      <div role="status" className="space-y-3 text-gray-700 dark:text-gray-300" data-testid="check-email">
        <h2 className="text-lg font-semibold text-gray-900 dark:text-gray-100">{t("checkEmail")}</h2>
        <p>{t.rich("sent", { email: sentTo, strong: (c) => <strong>{c}</strong> })}</p>
        <p className="text-sm">{t("spam")}</p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label={auth("yourName")} name="name" autoComplete="name" error={errors.name} />
      <Field label={auth("workEmail")} name="email" type="email" autoComplete="email" error={errors.email} />
      <Field
        label={auth("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={auth("passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        error={errors.password}
      />
      <Field
        label={auth("orgName")}
        name="organizationName"
        autoComplete="organization"
        error={errors.organizationName}
      />
      <button type="submit" className="btn-primary w-full" disabled={signUp.isPending}>
        {signUp.isPending ? t("submitting") : t("submit")}
      </button>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        {auth("haveAccount")}{" "}
        <Link className="link" href="/signin">
          {auth("signIn")}
        </Link>
      </p>
    </form>
  );
}
