/**
 * Messages the services and the shared zod schemas write in English (the stable text tests and logs read),
 * recognised here so each transport can show them in the reader's language: tRPC's error formatter and REST
 * problem details on the server, the forms' own pre-checks in the browser. Each entry's English template lives
 * in messages/en.json under `known.<key>`; tests/unit/i18n/known-messages.test.ts checks that formatting the
 * template with the captured arguments gives back the English message, so the two never drift.
 * A message that matches no entry is shown as written (English).
 */
export interface KnownMessage {
  key: string;
  params: Record<string, string>;
}

const ROLES = "(owner|admin|analyst|viewer)";

/** [key, pattern, names of the captured groups]. Order matters only where two patterns overlap. */
export const KNOWN_MESSAGES: readonly (readonly [string, RegExp, readonly string[]])[] = [
  ["emailRequired", /^Enter your email address$/, []],
  ["emailTooLong", /^That email address is too long$/, []],
  ["emailInvalid", /^Enter a valid email address, like name@company\.com$/, []],
  ["minChars", /^Use at least (\d+) characters$/, ["count"]],
  ["maxChars", /^Use at most (\d+) characters$/, ["count"]],
  ["nameRequired", /^Enter your name$/, []],
  ["passwordRequired", /^Enter your password$/, []],
  ["currentPasswordRequired", /^Enter your current password$/, []],
  ["yourOrgNameRequired", /^Enter your organization's name \(at least 2 characters\)$/, []],
  ["orgNameRequired", /^Enter the organization's name \(at least 2 characters\)$/, []],
  [
    "controlChars",
    /^(.+) cannot contain control characters \(such as NUL, tabs or line breaks\)\.$/,
    ["label"],
  ],
  ["controlCharsMultiline", /^(.+) cannot contain control characters \(such as NUL\)\.$/, ["label"]],
  ["mustBeNumber", /^(.+) must be a number$/, ["label"]],
  ["wholeNumber", /^(.+) must be a whole number$/, ["label"]],
  ["belowMin", /^(.+) cannot be below (.+)$/, ["label", "min"]],
  ["tooLarge", /^(.+) looks too large \(at most (.+)\)$/, ["label", "max"]],
  ["industryTooLong", /^Keep the industry under 100 characters$/, []],
  ["currencyCode", /^Use a three-letter currency code such as USD or EUR$/, []],
  ["inviteOneEmail", /^Enter at least one email address$/, []],
  ["inviteAtMost", /^Invite at most (\d+) people at a time$/, ["count"]],
  ["emailNotValid", /^“(.+)” is not a valid email address\.$/, ["email"]],
  ["signInFirst", /^Sign in to continue\.$/, []],
  ["orgNotFound", /^Organization not found\.$/, []],
  ["snapshotNotFound", /^Snapshot not found\.$/, []],
  ["noTeamYet", /^No team has been uploaded yet\.$/, []],
  ["noTeamToPlan", /^No team has been uploaded yet: upload one before planning\.$/, []],
  [
    "roleCannotExport",
    new RegExp(`^Your role \\(${ROLES}\\) cannot export data\\. Ask an analyst or admin\\.$`),
    ["role"],
  ],
  [
    "roleCannotUpload",
    new RegExp(`^Your role \\(${ROLES}\\) cannot upload team files\\. Ask an analyst or admin\\.$`),
    ["role"],
  ],
  [
    "roleCannotProfile",
    new RegExp(`^Your role \\(${ROLES}\\) cannot change the organization profile\\. Ask an admin\\.$`),
    ["role"],
  ],
  [
    "roleCannotWebhooks",
    new RegExp(`^Your role \\(${ROLES}\\) cannot manage webhooks\\. Ask an admin or the owner of (.+)\\.$`),
    ["role", "org"],
  ],
  [
    "roleCannotApiKeys",
    new RegExp(`^Your role \\(${ROLES}\\) cannot manage API keys\\. Ask an admin or the owner of (.+)\\.$`),
    ["role", "org"],
  ],
  [
    "roleCannotShare",
    new RegExp(
      `^Your role \\(${ROLES}\\) cannot manage share links\\. Ask an admin or the owner of (.+)\\.$`,
    ),
    ["role", "org"],
  ],
  ["onlyOwner", /^Only an owner of the organization can do this\.$/, []],
  ["onlyOwnerTransfer", /^Only an owner can transfer ownership\.$/, []],
  ["onlyAdminsAudit", /^Only admins and owners can read the audit log\.$/, []],
  ["onlyAdminsInvite", /^Only admins and owners can invite people\.$/, []],
  ["cannotSeeMembers", /^You cannot see the members\.$/, []],
  ["wrongCurrentPassword", /^Your current password is not right\.$/, []],
  ["sessionEnded", /^That session has already ended\.$/, []],
  ["invitationChanged", /^This invitation changed meanwhile\. Reload the page\.$/, []],
  ["invitationRevoked", /^The invitation for (.+) was revoked\. Invite them again\.$/, ["email"]],
  ["invitationAccepted", /^(.+) already accepted this invitation\.$/, ["email"]],
  [
    "invitationWrongAccount",
    /^This invitation is for (.+), but you are signed in as (.+)\. Sign out and sign in as \1\.$/,
    ["email", "current"],
  ],
  ["accountExists", /^An account with (.+) already exists\. Sign in to accept the invitation\.$/, ["email"]],
  [
    "confirmEmailFirst",
    /^Confirm your email address first: open the link we sent to (.+), then accept the invitation\.$/,
    ["email"],
  ],
  ["confirmOrgName", /^Type the organization's name, (.+), to confirm\.$/, ["name"]],
  ["confirmOrgSlug", /^Type the organization's slug “(.+)” to confirm\.$/, ["slug"]],
  [
    "weakPassword",
    /^Choose a harder password: (.+)\. A few unrelated words, or a password manager's suggestion, work well\.$/,
    ["why"],
  ],
  ["uploadNotFound", /^That upload does not exist in this organization\.$/, []],
  [
    "alreadyImported",
    /^This exact file was already imported \(“(.+)”, as of (.+)\)\. Import it again only if you mean to\.$/,
    ["file", "asOf"],
  ],
  ["webhookNotFound", /^That webhook endpoint does not exist in this organization\.$/, []],
  ["apiKeyNotFound", /^API key not found\.$/, []],
  ["genericError", /^Something went wrong\. Please try again\.$/, []],
];

/** Reasons inside `weakPassword`, each with its own key under `known.weakPasswordWhy`. */
export const WEAK_PASSWORD_REASONS: Record<string, string> = {
  "it is on a list of common and breached passwords (or close to one), which attackers try first": "common",
  "it contains your name or email address": "userInputs",
  "it is a keyboard pattern": "keyboard",
  "it is a repeat or a sequence": "repeat",
  "it is mostly a date or a year": "date",
  "it would be guessed quickly": "quick",
};

/** Field names inside messages (`{label}`), each with its own key under `known.labels`. */
export const MESSAGE_LABELS: Record<string, string> = {
  "The email address": "emailAddress",
  "An email address": "anEmailAddress",
  "The password": "password",
  "Your name": "yourName",
  "The organization's name": "orgName",
  "The industry": "industry",
  "Annual revenue": "annualRevenue",
  "Employee count": "employeeCount",
  "Typical deal size": "typicalDealSize",
  "Sales cycle": "salesCycle",
  "Decision makers per deal": "decisionMakers",
  "Customer employee count": "customerEmployees",
  "The confirmation": "confirmation",
};

/** The entry an English message is an instance of, with its arguments; null for any other message. */
export function matchKnownMessage(message: string): KnownMessage | null {
  for (const [key, pattern, names] of KNOWN_MESSAGES) {
    const m = pattern.exec(message);
    if (!m) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = m[i + 1] ?? ""));
    return { key, params };
  }
  return null;
}

type Translate = (key: string, params?: Record<string, string>) => string;

/**
 * `message` in the language of `t` (a translator over the `known` namespace) when it is a known one, with its
 * labels, roles and reasons translated too; otherwise `message` itself.
 */
export function localizeKnownMessage(
  message: string,
  t: Translate,
  roleName?: (role: string) => string,
): string {
  const known = matchKnownMessage(message);
  if (!known) return message;
  const params = { ...known.params };
  if (params.label && MESSAGE_LABELS[params.label])
    params.label = t(`labels.${MESSAGE_LABELS[params.label]}`);
  if (params.why && WEAK_PASSWORD_REASONS[params.why])
    params.why = t(`weakPasswordWhy.${WEAK_PASSWORD_REASONS[params.why]}`);
  if (params.role && roleName) params.role = roleName(params.role);
  return t(known.key, params);
}
