import { createTRPCRouter, permittedProcedure } from "../trpc";
import { getNotificationSettings, updateNotificationSettings } from "../../notify/preferences";
import { updatePreferencesSchema } from "../../notify/schemas";

/** Wiring only: the caller's own email choices for one organization; the service checks the role again. */
export const notificationsRouter = createTRPCRouter({
  get: permittedProcedure("dashboard.read").query(({ ctx }) => getNotificationSettings(ctx)),
  update: permittedProcedure("dashboard.read")
    .input(updatePreferencesSchema)
    .mutation(({ ctx, input }) => updateNotificationSettings(ctx, input)),
});
