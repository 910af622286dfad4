"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { Field, FormError } from "@/components/Field";
import { PASSWORD_MAX, PASSWORD_MIN, passwordSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

const schema = z.object({ password: passwordSchema });

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [doneFor, setDoneFor] = useState<string | null>(null);
  if (doneFor) {
    return (
      <div role="status" className="space-y-4 text-gray-700 dark:text-gray-300">
        <p>Your password was changed, and every device signed in to your account was signed out.</p>
        <Link href={`/signin?email=${encodeURIComponent(doneFor)}`} className="btn-primary w-full">
          Sign in with the new password
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
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not a common or breached password.`}
        error={errors.password}
      />
      <button type="submit" className="btn-primary w-full" disabled={reset.isPending}>
        {reset.isPending ? "Saving…" : "Set the new password"}
      </button>
    </form>
  );
}
