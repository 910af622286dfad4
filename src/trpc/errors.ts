import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

export const GENERIC_ERROR = "Something went wrong. Please try again.";

/** The message of a server error, or a generic one for a network failure or a bug. */
export function errorMessage(err: unknown, fallback = GENERIC_ERROR): string {
  return err instanceof TRPCClientError ? err.message : fallback;
}

/** The input field a server error is about, when it names one. */
export function errorField(err: unknown): string | undefined {
  if (!(err instanceof TRPCClientError)) return undefined;
  const data = (err as TRPCClientError<AppRouter>).data;
  return data?.field ?? Object.keys(data?.fieldErrors ?? {})[0];
}

/**
 * A server error as a form shows it: next to the fields it names (a service's `field`, or zod's field errors for
 * fields the form has), otherwise as one message above the form.
 */
export function formErrors(
  err: unknown,
  formFields: readonly string[],
  fallback = GENERIC_ERROR,
): { fields: Record<string, string>; form: string | null } {
  if (!(err instanceof TRPCClientError)) return { fields: {}, form: fallback };
  const data = (err as TRPCClientError<AppRouter>).data;
  if (data?.field && formFields.includes(data.field))
    return { fields: { [data.field]: err.message }, form: null };
  const fields = Object.fromEntries(
    Object.entries(data?.fieldErrors ?? {})
      .filter(([name, messages]) => formFields.includes(name) && messages?.[0])
      .map(([name, messages]) => [name, messages?.[0] ?? ""]),
  );
  return Object.keys(fields).length > 0 ? { fields, form: null } : { fields: {}, form: err.message };
}
