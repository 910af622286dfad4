import { z } from "zod";
import { REMINDER_DAYS_MAX, REMINDER_DAYS_MIN } from "@/lib/notifications";

const range = `a whole number of days from ${REMINDER_DAYS_MIN} to ${REMINDER_DAYS_MAX}`;

export const updatePreferencesSchema = z
  .object({
    uploadDigest: z.boolean({ error: "Upload emails are on or off (true or false)" }).optional(),
    /** Null turns the reminder off. */
    reminderDays: z
      .number({ error: `The reminder is ${range}, or off` })
      .int(`The reminder is ${range}`)
      .min(REMINDER_DAYS_MIN, `The reminder is ${range}`)
      .max(REMINDER_DAYS_MAX, `The reminder is ${range}`)
      .nullable()
      .optional(),
  })
  .refine((v) => v.uploadDigest !== undefined || v.reminderDays !== undefined, {
    message: "Say what to change: uploadDigest, reminderDays or both",
  });
export type UpdatePreferencesInput = z.input<typeof updatePreferencesSchema>;
