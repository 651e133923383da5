import { inject, Injectable } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { CadenceDto, HoudVolReasonDto } from '@olievlek/shared';
import { cadenceText } from '../core/cadence-text';
import { pluralCategory } from '../core/format';
import { LanguageService } from '../core/language.service';

/** Texts of the forum pages in the person's language: dates, cadences and houd vol reasons. */
@Injectable({ providedIn: 'root' })
export class ForumFormat {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  /** "3 december 2026" / "3 December 2026" for a local date (YYYY-MM-DD). */
  date(date: string | null): string {
    if (!date) return '—';
    return new Intl.DateTimeFormat(this.language.current() === 'nl' ? 'nl-NL' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));
  }

  cadence(cadence: CadenceDto): string {
    return cadenceText(this.transloco, cadence);
  }

  /** Small counts as words ("twee van de laatste drie"), larger ones as figures. */
  private count(n: number): string {
    const key = `forums.numbers.${n}`;
    const word = this.transloco.translate(key);
    return word === key ? String(n) : word;
  }

  /** One plain sentence per reason the radar lists a forum. */
  reason(reason: HoudVolReasonDto): string {
    const t = (key: string, params: Record<string, unknown>) =>
      this.transloco.translate(`forums.reasons.${key}`, params);
    // The form follows the number; `{{count}}` is the number in words where it is small.
    const plural = (key: string, n: number, params: Record<string, unknown> = {}) =>
      t(`${key}.${pluralCategory(this.language.current(), n)}`, {
        ...params,
        count: this.count(n),
      });
    switch (reason.kind) {
      case 'low-attendance':
        return plural('lowAttendance', reason.meetings.length);
      case 'falling-attendance':
        return plural('fallingAttendance', reason.meetings.length, {
          rates: reason.rates.map((r) => `${Math.round(r * 100)}%`).join(' → '),
        });
      case 'silent':
        return t('silent', { days: reason.days, dueBy: this.date(reason.dueBy) });
      case 'key-user-dropping':
        return t('keyUserDropping', {
          team: reason.team.name,
          missed: this.count(reason.missed),
          of: this.count(reason.of),
        });
    }
  }
}
