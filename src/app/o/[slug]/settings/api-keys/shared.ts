import { TRPCClientError } from "@trpc/client";

export type Scope = "read" | "read_write";

export const SCOPE_LABELS: Record<Scope, string> = { read: "Read", read_write: "Read and write" };

export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError) return err.message;
  return "Something went wrong. Please try again.";
}
