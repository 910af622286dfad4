import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
}

/**
 * A real SMTP server on a random loopback port that keeps every message it receives; addresses in `refuse` are
 * answered "550 No such mailbox" at RCPT TO, as a real server refuses an unknown mailbox, and while `down()` is true
 * every recipient gets a temporary failure (451), as from a mail server down for maintenance.
 */
export async function startSmtpServer(opts: { refuse?: readonly string[]; down?: () => boolean } = {}) {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.refuse?.includes(address.address))
        return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      if (opts.down?.()) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

/** Unfolded headers and the decoded text/plain and text/html parts of a nodemailer message. */
export function parseMessage(raw: string) {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const parts: Record<string, string> = {};
  for (const part of boundary ? body.split(`--${boundary}`) : []) {
    const [partHead = "", ...partRest] = part.replace(/^\r\n/, "").split("\r\n\r\n");
    const type = /content-type:\s*([^;\r\n]+)/i.exec(partHead)?.[1]?.trim();
    if (!type) continue;
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(partHead)?.[1]?.toLowerCase();
    const content = partRest.join("\r\n\r\n");
    parts[type] =
      encoding === "base64"
        ? Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8")
        : encoding === "quoted-printable"
          ? Buffer.from(
              content
                .replace(/=\r\n/g, "")
                .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            ).toString("utf8")
          : content;
  }
  return { headers, text: parts["text/plain"] ?? "", html: parts["text/html"] ?? "" };
}
