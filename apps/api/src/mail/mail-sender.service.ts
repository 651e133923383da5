import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { MailKind } from '@olievlek/shared';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { RenderedMail } from './mail-templates';

export interface OutgoingMail extends RenderedMail {
  kind: MailKind;
  to: { name: string; address: string };
  /** The one-click unsubscribe URL (RFC 8058) for the List-Unsubscribe header. */
  unsubscribeUrl: string;
}

/** The SMTP server could not be reached at all: the rest of the run waits for the next one. */
export class SmtpUnavailableError extends Error {}

const CONNECTION_ERRORS = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAUTH',
  'ETLS',
  'EGREETING',
]);

/** Nodemailer over SMTP; null when SMTP_URL is unset (mail is off). */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl
      ? createTransport({
          url: config.mail.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Resolves with the Message-ID once the server accepted the mail. */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transport) throw new SmtpUnavailableError('Mail is off (SMTP_URL is not set).');
    try {
      const info = await this.transport.sendMail({
        from: this.config.mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: {
          'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
          // Lets a mail program (or an operator) sort the mails by kind.
          'X-Olievlek-Mail': mail.kind,
        },
      });
      return String(info.messageId ?? '');
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (CONNECTION_ERRORS.has(code)) {
        throw new SmtpUnavailableError(`${code}: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  logOff(): void {
    this.logger.log('Mail is off: SMTP_URL is not set, so no reminders or digests are sent.');
  }
}
