import type { Locale, StageDto } from '@olievlek/shared';
import { MAIL_TEXTS, pluralText, type PluralFns } from '../common/texts';

/**
 * The three mails as plain text and simple, accessible HTML, in Dutch or English. Pure: the
 * content comes in already gathered (mail-content.service.ts), so what a mail may hold is decided
 * there — never a private note, a pulse answer or the name of who ticked.
 */

export interface DueStep {
  title: string;
  /** The last day of the period the step is due in (YYYY-MM-DD). */
  dueBy: string;
  /** Weekly steps are due "this week"; others in their own period. */
  weekly: boolean;
  /** Opens the board at this step; opening it ticks nothing. */
  link: string;
}

export interface TeamReminderContent {
  kind: 'team-reminder';
  teams: Array<{ name: string; steps: DueStep[] }>;
  boardLink: string;
}

export interface DigestCase {
  team: string;
  link: string;
}

export interface AmbassadorDigestContent {
  kind: 'ambassador-digest';
  stalled: Array<DigestCase & { steps: Array<{ title: string; silence: number }> }>;
  newRoutines: Array<DigestCase & { title: string }>;
  reviewsDue: Array<DigestCase & { title: string; reviewDate: string }>;
  openCases: number;
  casesLink: string;
}

export interface SummaryFigures {
  name: string;
  teams: number;
  /** Percentages 0–100, or null when there is nothing to count. */
  reach: number | null;
  rooted: number | null;
}

export interface DirectorSummaryContent {
  kind: 'director-summary';
  /** The month the summary is for (YYYY-MM) and the date its figures hold for. */
  month: string;
  date: string;
  unit: SummaryFigures;
  stages: Record<StageDto, number>;
  stalledAgreements: number;
  spreadFactor: number | null;
  crossDepartmentLinks: number;
  children: SummaryFigures[];
  olievlekLink: string;
}

export type MailContent = TeamReminderContent | AmbassadorDigestContent | DirectorSummaryContent;

export interface MailFrame {
  locale: Locale;
  name: string;
  unsubscribeLink: string;
  settingsLink: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const STAGES: StageDto[] = ['not-reached', 'intake', 'experimenting', 'practising', 'spreading'];

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

const percent = (value: number | null, none: string) => (value === null ? none : `${value}%`);

/** A tiny builder that writes the text and the HTML version side by side. */
class Both {
  private readonly text: string[] = [];
  private readonly html: string[] = [];

  paragraph(value: string): this {
    this.text.push(value, '');
    this.html.push(`<p>${escapeHtml(value)}</p>`);
    return this;
  }
  heading(value: string): this {
    this.text.push(value.toUpperCase(), '');
    this.html.push(`<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(value)}</h2>`);
    return this;
  }
  link(label: string, href: string): this {
    this.text.push(`${label}: ${href}`, '');
    this.html.push(`<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`);
    return this;
  }
  /** A list whose items have a linked label and an optional note. */
  list(items: Array<{ label: string; href?: string; note?: string }>): this {
    for (const item of items) {
      this.text.push(`- ${item.label}${item.note ? ` (${item.note})` : ''}`);
      if (item.href) this.text.push(`  ${item.href}`);
    }
    this.text.push('');
    this.html.push(
      `<ul>${items
        .map((item) => {
          const label = item.href
            ? `<a href="${escapeHtml(item.href)}">${escapeHtml(item.label)}</a>`
            : escapeHtml(item.label);
          return `<li>${label}${item.note ? ` — ${escapeHtml(item.note)}` : ''}</li>`;
        })
        .join('')}</ul>`,
    );
    return this;
  }
  /** A table with a header row; the text version aligns nothing and lists `a: b` pairs. */
  table(caption: string, head: string[], rows: string[][]): this {
    for (const row of rows) this.text.push(row.map((c, i) => `${head[i]}: ${c}`).join(', '));
    this.text.push('');
    const cell = (tag: 'th' | 'td', value: string, scope = '') =>
      `<${tag}${scope} style="text-align:left;padding:4px 12px 4px 0;border-bottom:1px solid #ccc">${escapeHtml(value)}</${tag}>`;
    this.html.push(
      `<table style="border-collapse:collapse"><caption style="text-align:left;font-weight:bold">${escapeHtml(caption)}</caption>` +
        `<thead><tr>${head.map((h) => cell('th', h, ' scope="col"')).join('')}</tr></thead>` +
        `<tbody>${rows
          .map(
            (r) =>
              `<tr>${r.map((c, i) => (i === 0 ? cell('th', c, ' scope="row"') : cell('td', c))).join('')}</tr>`,
          )
          .join('')}</tbody></table>`,
    );
    return this;
  }
  done(locale: Locale, subject: string): { text: string; html: string } {
    return {
      text: this.text.join('\n').trimEnd() + '\n',
      html:
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(subject)}</title></head>` +
        `<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:40em;margin:0 auto;padding:16px">` +
        this.html.join('\n') +
        `</body></html>`,
    };
  }
}

export function renderMail(content: MailContent, frame: MailFrame): RenderedMail {
  const t = MAIL_TEXTS[frame.locale];
  const plural = (forms: PluralFns, n: number) => pluralText(frame.locale, forms, n);
  const body = new Both().paragraph(t.greeting(frame.name));
  let subject: string;

  if (content.kind === 'team-reminder') {
    const count = content.teams.reduce((n, team) => n + team.steps.length, 0);
    subject = plural(t.teamSubject, count);
    body.paragraph(t.teamIntro);
    for (const team of content.teams) {
      body.heading(team.name).list(
        team.steps.map((step) => ({
          label: t.openStep(step.title),
          href: step.link,
          note: step.weekly
            ? t.dueWeek(formatDate(step.dueBy, frame.locale))
            : t.dueBy(formatDate(step.dueBy, frame.locale)),
        })),
      );
    }
    body.link(t.openBoard, content.boardLink);
  } else if (content.kind === 'ambassador-digest') {
    subject = content.stalled.length
      ? plural(t.digestSubject, content.stalled.length)
      : t.digestSubjectQuiet;
    body.paragraph(plural(t.digestIntro, content.openCases)).heading(t.stalled);
    if (content.stalled.length === 0) body.paragraph(t.stalledNone);
    else
      body.list(
        content.stalled.map((c) => ({
          label: t.openCase(c.team),
          href: c.link,
          note: c.steps.map((s) => `${s.title}: ${plural(t.silence, s.silence)}`).join('; '),
        })),
      );
    body.heading(t.newRoutines);
    if (content.newRoutines.length === 0) body.paragraph(t.newRoutinesNone);
    else
      body.list(
        content.newRoutines.map((r) => ({
          label: t.openCase(r.team),
          href: r.link,
          note: r.title,
        })),
      );
    body.heading(t.reviewsDue);
    if (content.reviewsDue.length === 0) body.paragraph(t.reviewsDueNone);
    else
      body.list(
        content.reviewsDue.map((r) => ({
          label: t.openCase(r.team),
          href: r.link,
          note: `${r.title}: ${t.reviewOn(formatDate(r.reviewDate, frame.locale))}`,
        })),
      );
    body.link(t.openCases, content.casesLink);
  } else {
    const month = formatMonth(content.month, frame.locale);
    subject = t.summarySubject(content.unit.name, month);
    body
      .paragraph(t.summaryIntro(content.unit.name, formatDate(content.date, frame.locale)))
      .table(
        content.unit.name,
        [t.unit, t.teams, t.reach, t.rooted],
        [
          [
            content.unit.name,
            String(content.unit.teams),
            percent(content.unit.reach, t.none),
            percent(content.unit.rooted, t.none),
          ],
        ],
      )
      .list([
        { label: `${t.stalledAgreements}: ${content.stalledAgreements}` },
        {
          label: `${t.spreadFactor}: ${content.spreadFactor === null ? t.none : content.spreadFactor.toLocaleString(frame.locale === 'nl' ? 'nl-NL' : 'en-GB')}`,
        },
        { label: `${t.crossDepartment}: ${content.crossDepartmentLinks}` },
      ])
      .table(
        t.stagesHeading,
        [t.stagesHeading, t.teams],
        STAGES.map((s) => [t.stage[s], String(content.stages[s])]),
      );
    if (content.children.length) {
      body.table(
        t.childrenHeading,
        [t.unit, t.teams, t.reach, t.rooted],
        content.children.map((c) => [
          c.name,
          String(c.teams),
          percent(c.reach, t.none),
          percent(c.rooted, t.none),
        ]),
      );
    }
    body.link(t.openOlievlek, content.olievlekLink);
  }

  body
    .paragraph('—')
    .paragraph(t.why(t.kindName[content.kind]))
    .link(t.unsubscribe, frame.unsubscribeLink)
    .link(t.settings, frame.settingsLink);
  return { subject, ...body.done(frame.locale, subject) };
}
