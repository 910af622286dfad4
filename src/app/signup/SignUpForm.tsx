"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { Field, FormError } from "@/components/Field";
import { PASSWORD_MAX, PASSWORD_MIN, signUpSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Sign-up ends with "check your email" whatever the address: the email says what comes next. */
export function SignUpForm() {
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
        <h2 className="text-lg font-semibold text-gray-900 dark:text-gray-100">Check your email</h2>
        <p>
          We sent a message to <strong>{sentTo}</strong>. Open the link in it to confirm the address and sign
          in. It works once, for 24 hours.
        </p>
        <p className="text-sm">
          Nothing there after a few minutes? Look in the spam folder, or sign up again.
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label="Your name" name="name" autoComplete="name" error={errors.name} />
      <Field label="Work email" name="email" type="email" autoComplete="email" error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not a common or breached password. A passphrase works well.`}
        error={errors.password}
      />
      <Field
        label="Organization name"
        name="organizationName"
        autoComplete="organization"
        error={errors.organizationName}
      />
      <button type="submit" className="btn-primary w-full" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating your organization…" : "Create account and organization"}
      </button>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        Already have an account?{" "}
        <Link className="link" href="/signin">
          Sign in
        </Link>
      </p>
    </form>
  );
}
