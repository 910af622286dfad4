/** The reminder's allowed range: at least a week, at most a year between uploads. */
export const REMINDER_DAYS_MIN = 7;
export const REMINDER_DAYS_MAX = 365;
/** What the settings page proposes when a member turns the reminder on. */
export const REMINDER_DAYS_DEFAULT = 30;
