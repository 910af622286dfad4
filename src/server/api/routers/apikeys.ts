import { createTRPCRouter, permittedProcedure } from "../trpc";
import { createApiKey, listApiKeys, revokeApiKey } from "../../apikeys/service";
import { createApiKeySchema, revokeApiKeySchema } from "../../apikeys/schemas";

/** Wiring only: the API keys service checks the permission again, validates and audits. */
export const apiKeysRouter = createTRPCRouter({
  list: permittedProcedure("apikeys.manage").query(({ ctx }) => listApiKeys(ctx)),
  create: permittedProcedure("apikeys.manage")
    .input(createApiKeySchema)
    .mutation(({ ctx, input }) => createApiKey(ctx, input)),
  revoke: permittedProcedure("apikeys.manage")
    .input(revokeApiKeySchema)
    .mutation(({ ctx, input }) => revokeApiKey(ctx, input)),
});
