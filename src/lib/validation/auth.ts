import { z } from "zod";
import { freeText, oneLineText } from "./text";

/** Shared by the forms (inline errors) and the server (the authority). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const emailSchema = oneLineText("The email address")
  .trim()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like name@company.com"))
  .transform((e) => e.toLowerCase());

export const passwordSchema = freeText("The password")
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const personNameSchema = oneLineText("Your name")
  .trim()
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters");

export const orgNameSchema = oneLineText("The organization's name")
  .trim()
  .min(2, "Enter your organization's name (at least 2 characters)")
  .max(100, "Use at most 100 characters");

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  organizationName: orgNameSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: freeText("The password")
    .min(1, "Enter your password")
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`),
});

/** Forms that only ask for the address (forgotten password, sign-in link). */
export const emailRequestFormSchema = z.object({ email: emailSchema });
