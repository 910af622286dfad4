/** The reminder's allowed range: at least a week, at most a year between uploads. */
export const REMINDER_DAYS_MIN = 7;
export const REMINDER_DAYS_MAX = 365;
/** What the settings page proposes when a member turns the reminder on. */
export const REMINDER_DAYS_DEFAULT = 30;

/** Which email an unsubscribe link stops, in the words of the confirmation page. */
export const NOTIFICATION_KIND_LABELS = {
  upload: "the email when a new team upload lands",
  reminder: "the reminder when the last upload gets old",
} as const;
