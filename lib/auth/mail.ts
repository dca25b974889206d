import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/config/env';

// nodemailer waits up to 2 minutes to connect and 10 minutes on a silent
// socket by default; a reset mail that cannot go out in this time will not.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

let transport: { url: string; transporter: Transporter } | null = null;

/** Whether this server can send mail (SMTP_URL and MAIL_FROM are set). */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

function transporter(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set');
  if (transport?.url !== url) {
    // Options ride in the URL's query, where nodemailer reads them; the deployer's own values win.
    const withTimeouts = new URL(url);
    for (const [name, value] of Object.entries(TIMEOUTS)) {
      if (!withTimeouts.searchParams.has(name)) withTimeouts.searchParams.set(name, String(value));
    }
    transport = { url, transporter: nodemailer.createTransport(withTimeouts.toString()) };
  }
  return transport.transporter;
}

/** Sends one plain-text mail from MAIL_FROM. Rejects when the SMTP server refuses it or cannot be reached. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  await transporter().sendMail({ from: env().MAIL_FROM, ...message });
}
