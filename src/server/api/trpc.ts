import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Database } from "../db/client";
import { findOrgAccess } from "../orgs/access.server";
import type { SessionUser } from "../auth/sessions";
import { ServiceError } from "../errors";
import { serializeOnce } from "../immutable";
import { can, type Permission } from "@/lib/permissions";

export interface Context {
  db: Database;
  user: SessionUser | null;
  headers: Headers;
  ip: string | null;
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
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Never send stack traces to the browser.
        stack: undefined,
        fieldErrors:
          cause instanceof ZodError
            ? (z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>)
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
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    if (cause instanceof ZodError && result.error.code === "INTERNAL_SERVER_ERROR") {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: cause.issues[0]?.message ?? "Invalid input",
        cause,
      });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(typedErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * The organization comes from the slug in the input and the membership from the server; the client never
 * supplies an organization id it may act on. Not a member → NOT_FOUND, so other orgs' slugs are not confirmed.
 */
export const orgProcedure = authedProcedure
  .input(z.object({ orgSlug: z.string().min(1).max(100) }))
  .use(async ({ ctx, input, next }) => {
    const row = await findOrgAccess(ctx.db, ctx.user.id, input.orgSlug);
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Organization not found." });
    return next({
      ctx: { ...ctx, org: row.org, role: row.role, currentSnapshotId: row.currentSnapshotId },
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
