import { z } from "zod";

/**
 * Text inputs never carry control characters: a NUL cannot be stored in PostgreSQL text (the statement fails),
 * and the others (escape sequences, backspaces, line breaks in a one-line name) are never typed on purpose.
 * Both patterns are one character class, linear in the input.
 */
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
/** Free text copied from files (team names, passwords): tabs and line breaks are allowed, nothing else. */
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/**
 * A one-line text input; `label` names the field in the message ("Name cannot contain …"), `missing` is the
 * message when the value is absent or not text.
 */
export function oneLineText(label: string, missing?: string) {
  return z
    .string(missing === undefined ? undefined : { error: missing })
    .regex(ONE_LINE, `${label} cannot contain control characters (such as NUL, tabs or line breaks).`);
}

/** Text in which tabs and line breaks may occur, but no other control character. */
export function freeText(label: string) {
  return z.string().regex(MULTI_LINE, `${label} cannot contain control characters (such as NUL).`);
}
