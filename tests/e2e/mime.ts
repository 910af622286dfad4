/** Bytes written as quoted-printable, read as UTF-8. */
const fromQuotedPrintable = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

/** A received email's subject (its encoded words decoded) and its text parts decoded (base64 or quoted-printable). */
export function readable(raw: string) {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const subject = (/^Subject: (.*)$/m.exec(unfolded)?.[1] ?? "")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, body: string) =>
      kind.toLowerCase() === "b"
        ? Buffer.from(body, "base64").toString("utf8")
        : fromQuotedPrintable(body.replace(/_/g, " ")),
    );
  const body = rest.join("\n\n");
  const parts = [
    ...body.matchAll(
      /Content-Transfer-Encoding: (base64|quoted-printable)\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)(?=\r?\n--|$)/gi,
    ),
  ].map((m) =>
    m[1]!.toLowerCase() === "base64"
      ? Buffer.from(m[2]!.replace(/\s/g, ""), "base64").toString("utf8")
      : fromQuotedPrintable(m[2]!),
  );
  return { subject, text: [fromQuotedPrintable(body), ...parts].join("\n") };
}
