import { createCallerFactory, createTRPCRouter } from "./trpc";
import { authRouter } from "./routers/auth";
import { orgRouter } from "./routers/org";
import { membersRouter } from "./routers/members";
import { invitationsRouter } from "./routers/invitations";
import { auditRouter } from "./routers/audit";
import { importsRouter } from "./routers/imports";
import { reportRouter } from "./routers/report";
import { apiKeysRouter } from "./routers/apikeys";
import { webhooksRouter } from "./routers/webhooks";
import { scenariosRouter } from "./routers/scenarios";
import { sharesRouter } from "./routers/shares";
import { notificationsRouter } from "./routers/notifications";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  org: orgRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  imports: importsRouter,
  report: reportRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  scenarios: scenariosRouter,
  shares: sharesRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
