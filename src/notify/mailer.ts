import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { mailFolder } from './mail-files.js';

export type Mail = {
  messageId: string;
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  language: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** Images the HTML shows by content id (the QR code of the reference). */
  images?: { cid: string; filename: string; content: Buffer }[];
};

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

function message(mail: Mail): SendMailOptions {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    ...(mail.images && {
      attachments: mail.images.map((i) => ({ cid: i.cid, filename: i.filename, content: i.content })),
    }),
    ...(mail.calendar && {
      icalEvent: { method: mail.calendar.method, filename: 'afspraak.ics', content: mail.calendar.content },
    }),
  };
}

/**
 * SMTP when SMTP_URL is set; otherwise every message is written as an .eml file under DATA_DIR/mail, so that
 * the service works without a mail server. Log lines name the message, never the resident.
 */
export function createMailer(
  config: { SMTP_URL?: string | undefined; DATA_DIR: string },
  log: { info: (obj: object, msg: string) => void },
): Mailer {
  if (config.SMTP_URL) {
    const transport: Transporter = nodemailer.createTransport(config.SMTP_URL);
    return {
      async send(mail) {
        await transport.sendMail(message(mail));
        log.info({ messageId: mail.messageId }, 'mail sent');
      },
      close: () => transport.close(),
    };
  }
  const folder = mailFolder(config.DATA_DIR);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(mail));
      mkdirSync(folder, { recursive: true });
      const file = join(folder, `${mail.messageId.replace(/[^\w.-]/g, '_')}.eml`);
      writeFileSync(file, info.message as Buffer);
      log.info({ messageId: mail.messageId, file }, 'mail written to a file (no SMTP_URL)');
    },
    close: () => transport.close(),
  };
}
