import type { EmailTransport } from '@innspill/vocabulary';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SentEmail {
  transport: EmailTransport;
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
  // File system calls off the event loop (libuv's thread pool): a round's receipts are written
  // while the server answers submits. The folder is made once (and again if it was removed).
  let hasFolder = false;
  return {
    outboxFolder: options.outboxFolder,
    send: async (message) => {
      const info = await stream.sendMail({ from: options.from, ...message });
      const outboxFile = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const path = join(options.outboxFolder, outboxFile);
      try {
        if (!hasFolder) await mkdir(options.outboxFolder, { recursive: true });
        await writeFile(path, info.message as Buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await mkdir(options.outboxFolder, { recursive: true });
        await writeFile(path, info.message as Buffer);
      }
      hasFolder = true;
      return { transport: 'outbox', outboxFile };
    },
  };
}
