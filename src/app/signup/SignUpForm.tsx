"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { Field, FormError } from "@/components/Field";
import { PASSWORD_MAX, PASSWORD_MIN, signUpSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

export function SignUpForm({ callbackUrl }: { callbackUrl: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const found = fieldErrors(signUpSchema, data);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    try {
      const { organizationSlug } = await signUp.mutateAsync({
        name: data.name ?? "",
        email: data.email ?? "",
        password: data.password ?? "",
        organizationName: data.organizationName ?? "",
      });
      const result = await signIn("credentials", {
        email: data.email,
        password: data.password,
        redirect: false,
      });
      if (!result || result.error) {
        router.push("/signin");
        return;
      }
      router.push(callbackUrl ?? `/o/${organizationSlug}`);
      router.refresh();
    } catch (err) {
      const shown = formErrors(err, ["name", "email", "password", "organizationName"]);
      setErrors(shown.fields);
      setFormError(shown.form);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label="Your name" name="name" autoComplete="name" error={errors.name} />
      <Field label="Work email" name="email" type="email" autoComplete="email" error={errors.email} />
      {errors.email?.includes("already exists") ? (
        <p className="text-sm">
          <Link className="link" href="/signin">
            Go to sign in
          </Link>
        </p>
      ) : null}
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A passphrase works well.`}
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
