import type { z } from "zod";

/**
 * The message a person reads for a failed parse: the first issue's, looking inside a record key or an array
 * element that failed (zod reports those as "Invalid key in record" with the real reason nested).
 */
export function firstIssueMessage(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return "Invalid input";
  if ((first.code === "invalid_key" || first.code === "invalid_element") && first.issues.length > 0) {
    return firstIssueMessage(first.issues);
  }
  return first.message;
}
