import { z } from "zod";
import { API_KEY_SCOPES } from "../db/schema";
import { oneLineText } from "@/lib/validation/text";

export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES, "Choose a scope: read or read_write");

export const createApiKeySchema = z.object({
  name: oneLineText("The key's name")
    .trim()
    .min(1, "Name the key after what uses it (e.g. “Nightly CRM sync”)")
    .max(100, "Keep the name under 100 characters"),
  scope: apiKeyScopeSchema,
  /** Optional lifetime in days; omitted or null, the key works until it is revoked. */
  expiresInDays: z
    .number("Choose how many days the key lasts")
    .int("The key's lifetime is a whole number of days")
    .min(1, "A key lasts at least 1 day")
    .max(730, "A key lasts at most 730 days (2 years); choose “Never” for a key without expiry")
    .nullish(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ keyId: z.uuid("Not an API key id") });
export type RevokeApiKeyInput = z.input<typeof revokeApiKeySchema>;
