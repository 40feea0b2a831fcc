import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SentEmail {
  transport: 'smtp' | 'outbox';
  /** File name in the outbox folder when no SMTP server is configured. */
  outboxFile?: string;
}

export interface Mailer {
  send: (message: EmailMessage) => Promise<SentEmail>;
  outboxFolder: string;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://…`; without it, emails go to the outbox folder. */
  smtpUrl?: string | undefined;
  from: string;
  /** `<data folder>/outbox`. */
  outboxFolder: string;
}

/**
 * Sends email over SMTP when configured. Without SMTP, each message is written as an `.eml` file
 * to the outbox folder (listed in the UI), so invitations can be sent by hand and nothing is lost.
 */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      outboxFolder: options.outboxFolder,
      send: async (message) => {
        await transport.sendMail({ from: options.from, ...message });
        return { transport: 'smtp' };
      },
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    outboxFolder: options.outboxFolder,
    send: async (message) => {
      const info = await stream.sendMail({ from: options.from, ...message });
      mkdirSync(options.outboxFolder, { recursive: true });
      const outboxFile = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      writeFileSync(join(options.outboxFolder, outboxFile), info.message as Buffer);
      return { transport: 'outbox', outboxFile };
    },
  };
}
