import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Database } from "../db/client";
import { findOrgAccess, findSessionOrgAccess, type OrgAccess } from "../orgs/access.server";
import type { SessionUser } from "../auth/sessions";
import { internalErrorMessage, requestIdOf, ServiceError, TRPC_CODE } from "../errors";
import { serializeOnce } from "../immutable";
import { can, type Permission } from "@/lib/permissions";
import { oneLineText } from "@/lib/validation/text";
import { firstIssueMessage } from "@/lib/validation/issues";
import { browserLocale } from "../i18n";
import { localizeMessage } from "../i18n/known";

export interface Context {
  db: Database;
  headers: Headers;
  ip: string | null;
  /** The signed-in user, or null; read from the database on first use, once per context. */
  loadUser: () => Promise<SessionUser | null>;
  /**
   * The session id of the request's cookie, when the user has not been read yet: organization procedures then
   * check the session and the membership in one statement. Null for a caller built around a known user.
   */
  sessionId: string | null;
  /** The request's id (its `X-Request-Id`), which an unexpected failure is logged and answered with. */
  requestId?: string;
}

const t = initTRPC.context<Context>().create({
  // superjson both ways; an immutable result (a kept report) is serialized once, not on every request. The
  // client reads either with plain superjson.
  transformer: {
    input: superjson,
    output: {
      serialize: serializeOnce((value) => superjson.serialize(value)),
      deserialize: (value) => superjson.deserialize(value),
    },
  },
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    // Known messages read in the browser's language (its cookie, else Accept-Language): the error path does not
    // read the account, and the switcher sets the cookie whenever the account's choice changes.
    const locale = ctx ? browserLocale(ctx.headers) : "en";
    const localize = (m: string) => localizeMessage(m, locale);
    // An unexpected failure (a database error carries its SQL and parameters) is logged with this id by the
    // HTTP handler's onError; the client is told only the id.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const requestId = internal ? requestIdOf(error, ctx?.requestId) : undefined;
    return {
      ...shape,
      // zod's own message is its issues as JSON; the first issue's message is the one a person reads.
      message:
        internal && requestId
          ? internalErrorMessage(requestId)
          : localize(cause instanceof ZodError ? firstIssueMessage(cause.issues) : shape.message),
      data: {
        requestId,
        ...shape.data,
        // Never send stack traces to the browser.
        stack: undefined,
        fieldErrors:
          cause instanceof ZodError
            ? Object.fromEntries(
                Object.entries(z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>).map(
                  ([field, messages]) => [field, messages?.map(localize)],
                ),
              )
            : undefined,
        field: cause instanceof ServiceError ? cause.details?.field : undefined,
        retryAfterSeconds: cause instanceof ServiceError ? cause.details?.retryAfterSeconds : undefined,
        details: cause instanceof ServiceError ? cause.details : undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services throw ServiceError (and zod errors); here they become typed tRPC errors, never a 500. */
const typedErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof ServiceError) {
      throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
    }
    if (cause instanceof ZodError && result.error.code === "INTERNAL_SERVER_ERROR") {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: firstIssueMessage(cause.issues),
        cause,
      });
    }
  }
  return result;
});

const baseProcedure = t.procedure.use(typedErrors);
const signInFirst = () => new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });

/** Anyone; `ctx.user` is the signed-in user or null. */
export const publicProcedure = baseProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { ...ctx, user: await ctx.loadUser() } }),
);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw signInFirst();
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * The organization comes from the slug in the input and the membership from the server; the client never
 * supplies an organization id it may act on. Not a member → NOT_FOUND, so other orgs' slugs are not confirmed.
 * With a session cookie, the session and the membership are checked in one statement (`findSessionOrgAccess`);
 * a revoked or expired session is UNAUTHORIZED as for every signed-in procedure.
 */
export const orgProcedure = baseProcedure
  // No session at all: UNAUTHORIZED before the input is read, like the other signed-in procedures.
  .use(async ({ ctx, next }) => {
    if (!ctx.sessionId && !(await ctx.loadUser())) throw signInFirst();
    return next();
  })
  .input(z.object({ orgSlug: oneLineText("The organization").min(1).max(100) }))
  .use(async ({ ctx, input, next }) => {
    let user: SessionUser | null;
    let access: OrgAccess | null;
    if (ctx.sessionId) {
      const found = await findSessionOrgAccess(ctx.db, ctx.sessionId, input.orgSlug);
      if (!found) throw signInFirst();
      ({ user, access } = found);
    } else {
      user = await ctx.loadUser();
      if (!user) throw signInFirst();
      access = await findOrgAccess(ctx.db, user.id, input.orgSlug);
    }
    if (!access) throw new TRPCError({ code: "NOT_FOUND", message: "Organization not found." });
    return next({
      ctx: {
        ...ctx,
        user,
        org: access.org,
        role: access.role,
        currentSnapshotId: access.currentSnapshotId,
      },
    });
  });

/** An org procedure that also needs a permission from the role table. */
export function permittedProcedure(permission: Permission) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!can(ctx.role, permission)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Your role (${ctx.role}) does not allow this. Ask an admin or the owner of ${ctx.org.name}.`,
      });
    }
    return next();
  });
}
