import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 for tests: it accepts every message, as a
 * mail provider would, and writes each one as `<n>.eml` into a folder, so a
 * test in another process (the browser tests' workers) can read what the app sent.
 */
export type MailCatcher = { url: string; dir: string; stop: () => Promise<void> };
export type ReceivedMail = { from: string; to: string; subject: string; text: string };

export async function startMailCatcher(dir = mkdtempSync(path.join(tmpdir(), 'mail-'))): Promise<MailCatcher> {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make, and nodemailer does not try STARTTLS when it is not offered.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        writeFileSync(path.join(dir, `${String(++count).padStart(4, '0')}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    stop: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/** Undoes the transfer encodings nodemailer uses for a text part. */
function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A single-part text mail as nodemailer writes one: its headers (unfolded) and decoded body. */
export function parseMail(raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => headerText.match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1]?.trim() ?? '';
  const text = decodeBody(raw.slice(split + 4), header('Content-Transfer-Encoding').toLowerCase()).replace(/\r\n/g, '\n');
  return { from: header('From'), to: header('To'), subject: header('Subject'), text };
}

/** Every mail received so far, oldest first. */
export function receivedMails(dir: string): ReceivedMail[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parseMail(readFileSync(path.join(dir, name), 'utf8')));
}

/** The mails sent to `address` so far. */
export function mailsTo(dir: string, address: string): ReceivedMail[] {
  return receivedMails(dir).filter((mail) => mail.to.toLowerCase().includes(address.toLowerCase()));
}
