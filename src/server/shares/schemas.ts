import { z } from "zod";
import { SHARE_REDACTIONS } from "../db/schema";

export const SHARE_MIN_DAYS = 1;
export const SHARE_MAX_DAYS = 90;
export const SHARE_PASSWORD_MIN = 8;
export const SHARE_PASSWORD_MAX = 200;

export const createShareSchema = z.object({
  snapshotId: z.uuid("That is not an upload id").nullish(),
  scenarioId: z.uuid("That is not a scenario id").nullish(),
  expiresInDays: z
    .number({ message: "The link's lifetime is a number of days" })
    .int("The link's lifetime is a whole number of days")
    .min(SHARE_MIN_DAYS, `A link lasts at least ${SHARE_MIN_DAYS} day`)
    .max(SHARE_MAX_DAYS, `A link lasts at most ${SHARE_MAX_DAYS} days`),
  password: z
    .string({ message: "The password is text" })
    .max(SHARE_PASSWORD_MAX, `The password has at most ${SHARE_PASSWORD_MAX} characters`)
    .refine((p) => p === "" || p.length >= SHARE_PASSWORD_MIN, {
      message: `A link password has at least ${SHARE_PASSWORD_MIN} characters (or leave it empty)`,
    })
    .nullish(),
  redaction: z
    .enum(SHARE_REDACTIONS, { message: `The redaction is ${SHARE_REDACTIONS.join(" or ")}` })
    .default("aggregates"),
});
export type CreateShareInput = z.input<typeof createShareSchema>;

export const shareIdSchema = z.object({ shareId: z.uuid("That is not a share link id") });
