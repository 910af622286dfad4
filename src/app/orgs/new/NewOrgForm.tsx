"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { Field, FormError } from "@/components/Field";
import { orgNameSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";
import { useTRPC } from "@/trpc/react";

const schema = z.object({ name: orgNameSchema });

export function NewOrgForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.org.create.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const name = String(new FormData(e.currentTarget).get("name") ?? "");
        const found = fieldErrors(schema, { name });
        setErrors(found);
        if (Object.keys(found).length) return;
        try {
          const { slug } = await create.mutateAsync({ name });
          router.push(`/o/${slug}`);
          router.refresh();
        } catch (err) {
          setFormError(err instanceof Error ? err.message : "Could not create the organization.");
        }
      }}
    >
      <FormError message={formError} />
      <Field label="Organization name" name="name" error={errors.name} />
      <button className="btn-primary w-full" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organization"}
      </button>
    </form>
  );
}
