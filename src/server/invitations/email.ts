import "server-only";
import { ROLE_LABELS, type Role } from "@/lib/permissions";
import { escapeHtml, type EmailMessage } from "../email";

/** What each role may do, in the words of the invitation email. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "everything, including admins, ownership transfer and deleting the organization",
  admin: "the organization profile, invitations, members below admin, API keys and uploads",
  analyst: "dashboards and reports, plus uploading the team and exporting",
  viewer: "dashboards, snapshots, methodology and the report",
};

export function formatExpiry(date: Date): string {
  return new Intl.DateTimeFormat("en-US", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date);
}

/** The invitation message: who invited, to which org, which role, until when; plain text and HTML. */
export function invitationEmail(input: {
  to: string;
  organizationName: string;
  inviterName: string;
  inviterEmail: string;
  role: Role;
  expiresAt: Date;
  url: string;
}): EmailMessage {
  const role = ROLE_LABELS[input.role];
  const expires = `${formatExpiry(input.expiresAt)} UTC`;
  const subject = `${input.inviterName} invited you to ${input.organizationName} on SalesMix`;
  const text = [
    `${input.inviterName} (${input.inviterEmail}) invited you to join ${input.organizationName} on SalesMix as ${role}.`,
    "",
    `As ${role} you can see and do: ${ROLE_DESCRIPTIONS[input.role]}.`,
    "",
    "Accept the invitation:",
    input.url,
    "",
    `The link works once and expires on ${expires}.`,
    `If you did not expect this, ignore this email or ask ${input.inviterName} about it.`,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;color:#111827;line-height:1.5">
<p><strong>${e(input.inviterName)}</strong> (${e(input.inviterEmail)}) invited you to join
<strong>${e(input.organizationName)}</strong> on SalesMix as <strong>${e(role)}</strong>.</p>
<p>As ${e(role)} you can see and do: ${e(ROLE_DESCRIPTIONS[input.role])}.</p>
<p><a href="${e(input.url)}" style="display:inline-block;background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Accept the invitation</a></p>
<p>Or paste this link into your browser:<br><a href="${e(input.url)}">${e(input.url)}</a></p>
<p>The link works once and expires on ${e(expires)}.</p>
<p style="color:#4b5563">If you did not expect this, ignore this email or ask ${e(input.inviterName)} about it.</p>
</body></html>`;
  return { to: input.to, subject, text, html };
}
