import type { z } from "zod";

/** First error message per field, for showing next to each input. */
export function fieldErrors<T extends z.ZodType>(schema: T, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "_");
    errors[key] ??= issue.message;
  }
  return errors;
}
