import type { Locale, Role } from './roles';

/** The mails Olievlek sends (issue 8), each to the people holding one role. */
export const MAIL_KINDS = ['team-reminder', 'ambassador-digest', 'director-summary'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Who a mail kind is for: a person gets (and may choose) only the kinds of their roles. */
export const MAIL_KIND_ROLE: Record<MailKind, Role> = {
  'team-reminder': 'team',
  'ambassador-digest': 'ambassador',
  'director-summary': 'director',
};

export interface MailKindPreferenceDto {
  kind: MailKind;
  enabled: boolean;
}

/** GET /api/mail/preferences — the signed-in person's mails and language. */
export interface MailPreferencesDto {
  /** False when the server has no SMTP server configured: choices are kept but nothing is sent. */
  mailEnabled: boolean;
  /** The language mails are written in (the same as the person's interface language). */
  locale: Locale;
  /** Only the kinds that apply to the person's roles. */
  kinds: MailKindPreferenceDto[];
}

/** PUT /api/mail/preferences */
export interface UpdateMailPreferencesRequest {
  kinds: MailKindPreferenceDto[];
}

/** GET and POST /api/mail/unsubscribe?token= — the one-click unsubscribe link of every mail. */
export interface UnsubscribeDto {
  kind: MailKind;
  subscribed: boolean;
}

/** POST /api/admin/mail/run — what one run of a mail job did. */
export interface MailRunDto {
  kind: MailKind;
  /** The ISO week (2026-W23) or month (2026-06) the mail is for. */
  period: string;
  /** People the mail applies to and who still want it. */
  recipients: number;
  sent: number;
  /** Sent before, by this or another instance. */
  alreadySent: number;
  /** Nothing to tell this period (e.g. no step due this week). */
  nothingToSend: number;
  /** SMTP refused or unreachable: retried by the next run. */
  failed: number;
}

export const MAIL_ROUTES = {
  preferences: '/api/mail/preferences',
  unsubscribe: (token: string) => `/api/mail/unsubscribe?token=${encodeURIComponent(token)}`,
  run: '/api/admin/mail/run',
} as const;

/** Client pages that mails link to. */
export const MAIL_PAGES = {
  settings: '/instellingen',
  unsubscribe: '/afmelden',
  /** The board, scrolled to one step: `?stap=<agreementId>`. Opening it ticks nothing. */
  board: '/bord',
  boardStepParam: 'stap',
  olievlek: '/olievlek',
  case: (id: string) => `/casussen/${encodeURIComponent(id)}`,
} as const;
