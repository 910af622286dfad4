import { createCallerFactory, createTRPCRouter } from "./trpc";
import { authRouter } from "./routers/auth";
import { orgRouter } from "./routers/org";
import { importsRouter } from "./routers/imports";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  org: orgRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
