import "server-only";
import { escapeHtml, type EmailMessage } from "../email";
import type { HeadlineSentence } from "@/lib/benchmarks/headline";

/** The parts every notification email ends with: where to change the choice and the one-click unsubscribe. */
export interface NotificationLinks {
  settingsUrl: string;
  unsubscribeUrl: string;
}

/**
 * RFC 2369 and RFC 8058: mail clients show their own unsubscribe button, which POSTs
 * `List-Unsubscribe=One-Click` to the URL without a session.
 */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

const e = escapeHtml;

function wrapHtml(paragraphs: string[], links: NotificationLinks, why: string): string {
  return `<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;color:#111827;line-height:1.5">
${paragraphs.join("\n")}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">
<p style="color:#4b5563;font-size:13px">${e(why)} <a href="${e(links.settingsUrl)}">Change your notifications</a> or
<a href="${e(links.unsubscribeUrl)}">unsubscribe from these emails</a>.</p>
</body></html>`;
}

function footerText(links: NotificationLinks, why: string): string[] {
  return [
    "",
    "--",
    why,
    `Change your notifications: ${links.settingsUrl}`,
    `Unsubscribe from these emails: ${links.unsubscribeUrl}`,
  ];
}

export interface UploadDigestInput {
  to: string;
  organizationName: string;
  upload: { asOf: string; period: string; rowCount: number };
  /** The headline sentences to tell (mix, largest gaps, since the previous upload), from the upload's analysis. */
  sentences: HeadlineSentence[];
  /** The previous upload's date, or null when this is the first. */
  previousAsOf: string | null;
  overviewUrl: string;
  links: NotificationLinks;
}

/**
 * The email when an upload lands: what moved since the previous upload, the mix against the article, the largest
 * gaps, and a link to the overview. Aggregates only: no rep names, no individual pay.
 */
export function uploadDigestEmail(input: UploadDigestInput): EmailMessage {
  const subject = `New team upload in ${input.organizationName} (as of ${input.upload.asOf})`;
  const intro = `A new team upload landed in ${input.organizationName}: ${input.upload.rowCount} reps as of ${input.upload.asOf} (${input.upload.period}).`;
  const first = input.previousAsOf
    ? null
    : "This is the first upload, so there is nothing to compare it with yet.";
  const lines = input.sentences.map((s) =>
    s.figureIds.length ? `${s.text} (article figures: ${s.figureIds.join(", ")})` : s.text,
  );
  const source =
    "Figures marked as yours come from your upload; the article's are the published benchmarks, cited by figure id.";
  const why = `You receive this because you chose upload emails for ${input.organizationName}.`;
  const text = [
    intro,
    "",
    ...(first ? [first, ""] : []),
    ...lines.map((l) => `- ${l}`),
    "",
    source,
    "",
    "Open the overview:",
    input.overviewUrl,
    ...footerText(input.links, why),
  ].join("\n");
  const html = wrapHtml(
    [
      `<p>${e(intro)}</p>`,
      ...(first ? [`<p>${e(first)}</p>`] : []),
      `<ul>${lines.map((l) => `<li>${e(l)}</li>`).join("")}</ul>`,
      `<p style="color:#4b5563">${e(source)}</p>`,
      `<p><a href="${e(input.overviewUrl)}" style="display:inline-block;background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Open the overview</a></p>`,
    ],
    input.links,
    why,
  );
  return { to: input.to, subject, text, html, headers: unsubscribeHeaders(input.links.unsubscribeUrl) };
}

export interface ReminderInput {
  to: string;
  organizationName: string;
  /** The last upload, or null when the organization has none yet. */
  lastUpload: { asOf: string; uploadedAt: Date } | null;
  ageDays: number;
  reminderDays: number;
  uploadUrl: string;
  links: NotificationLinks;
}

/** The reminder when the last upload is older than the member chose. */
export function reminderEmail(input: ReminderInput): EmailMessage {
  const subject = input.lastUpload
    ? `${input.organizationName}: the last team upload is ${input.ageDays} days old`
    : `${input.organizationName}: no team has been uploaded yet`;
  const what = input.lastUpload
    ? `The last team upload of ${input.organizationName} was ${input.ageDays} days ago (uploaded ${input.lastUpload.uploadedAt.toISOString().slice(0, 10)}, data as of ${input.lastUpload.asOf}).`
    : `${input.organizationName} has had no team upload in the ${input.ageDays} days since it was created.`;
  const ask = "Upload a fresh export of the team to keep the overview and the benchmarks current:";
  const why = `You receive this because you asked for a reminder when ${input.organizationName}'s last upload is older than ${input.reminderDays} days.`;
  const text = [what, "", ask, input.uploadUrl, ...footerText(input.links, why)].join("\n");
  const html = wrapHtml(
    [
      `<p>${e(what)}</p>`,
      `<p>${e(ask)}</p>`,
      `<p><a href="${e(input.uploadUrl)}" style="display:inline-block;background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Upload the team</a></p>`,
    ],
    input.links,
    why,
  );
  return { to: input.to, subject, text, html, headers: unsubscribeHeaders(input.links.unsubscribeUrl) };
}
