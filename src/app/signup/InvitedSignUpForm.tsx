"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { Field, FormError } from "@/components/Field";
import { PASSWORD_MAX, PASSWORD_MIN, passwordSchema, personNameSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

const formSchema = z.object({ name: personNameSchema, password: passwordSchema });

/**
 * Sign-up with an invitation: the email is fixed to the invited one (shown, not editable), there is no
 * organization name, and the new account lands in the inviting organization.
 */
export function InvitedSignUpForm({
  token,
  email,
  organizationName,
}: {
  token: string;
  email: string;
  organizationName: string;
}) {
  const t = useTranslations("signUp");
  const auth = useTranslations("auth");
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.invitations.signUp.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const found = fieldErrors(formSchema, data);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    try {
      const { organizationSlug } = await signUp.mutateAsync({
        token,
        name: data.name ?? "",
        password: data.password ?? "",
      });
      const result = await signIn("credentials", { email, password: data.password, redirect: false });
      if (!result || result.error) {
        router.push(`/signin?email=${encodeURIComponent(email)}`);
        return;
      }
      router.push(`/o/${organizationSlug}`);
      router.refresh();
    } catch (err) {
      const shown = formErrors(err, ["name", "password"]);
      setErrors(shown.fields);
      setFormError(shown.form);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field
        label={auth("workEmail")}
        name="email"
        type="email"
        value={email}
        readOnly
        aria-readonly
        hint={t("invitedEmailHint")}
      />
      <Field label={auth("yourName")} name="name" autoComplete="name" error={errors.name} />
      <Field
        label={auth("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={auth("invitedPasswordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        error={errors.password}
      />
      <button type="submit" className="btn-primary w-full" disabled={signUp.isPending}>
        {signUp.isPending ? t("joinSubmitting") : t("joinSubmit", { organization: organizationName })}
      </button>
    </form>
  );
}
