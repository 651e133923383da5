import { computed, inject, Injectable, Pipe, type PipeTransform } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { AuthService } from './auth.service';
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPeriod,
  pluralCategory,
  todayIn,
} from './format';
import { LanguageService } from './language.service';

/** Formats in the active language and the organisation's time zone; follows a switch. */
@Injectable({ providedIn: 'root' })
export class Formatter {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);
  /** Emits when the active language's texts are loaded (English arrives a moment later). */
  private readonly translation = toSignal(this.transloco.selectTranslation(), {
    initialValue: {},
  });

  readonly locale = computed(() => this.language.current());
  readonly timeZone = computed(() => this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE);

  /** Today in the organisation's time zone (`/api/auth/me`), as the API counts it. */
  today(): string {
    return todayIn(this.timeZone());
  }

  number(value: number | null | undefined, digits = 1): string {
    return value === null || value === undefined ? '—' : formatNumber(this.locale(), value, digits);
  }

  percent(share: number | null | undefined, digits = 0): string {
    return share === null || share === undefined
      ? '—'
      : formatPercent(this.locale(), share, digits);
  }

  date(date: string | null | undefined): string {
    return date ? formatDate(this.locale(), date) : '—';
  }

  month(month: string): string {
    return formatMonth(this.locale(), month);
  }

  period(period: string): string {
    if (period === 'once') return this.t('format.once');
    return formatPeriod(this.locale(), period, new Date().getFullYear());
  }

  dateTime(instant: string | null | undefined, seconds = false): string {
    return instant ? formatDateTime(this.locale(), instant, this.timeZone(), seconds) : '—';
  }

  /** A step's title in the reader's language where the catalogue has both. */
  stepTitle(step: { title: string; titleEn?: string | null }): string {
    return this.locale() === 'en' && step.titleEn ? step.titleEn : step.title;
  }

  /** `key.one` or `key.other` with `{{count}}` written in the language's digits. */
  plural(key: string, count: number, params: Record<string, unknown> = {}): string {
    const category = pluralCategory(this.locale(), count);
    return this.t(`${key}.${category}`, { ...params, count: this.number(count, 0) });
  }

  /** A translated text; inside a computed it makes that computed follow the language. */
  t(key: string, params?: Record<string, unknown>): string {
    this.translation();
    this.locale();
    return this.transloco.translate(key, params);
  }
}

/** `{{ '2026-12-03' | ovDate }}` → "3 december 2026"; periods and instants with `: 'period'`. */
@Pipe({ name: 'ovDate', pure: false })
export class DatePipe implements PipeTransform {
  private readonly format = inject(Formatter);
  transform(value: string | null | undefined, as: 'date' | 'period' | 'dateTime' = 'date'): string {
    if (!value) return '—';
    if (as === 'period') return this.format.period(value);
    if (as === 'dateTime') return this.format.dateTime(value);
    return this.format.date(value);
  }
}

/** `{{ 12.5 | ovNumber }}` → "12,5" in Dutch. */
@Pipe({ name: 'ovNumber', pure: false })
export class NumberPipe implements PipeTransform {
  private readonly format = inject(Formatter);
  transform(value: number | null | undefined, digits = 1): string {
    return this.format.number(value, digits);
  }
}

/** `{{ key | ovPlural: n }}` with `key.one` / `key.other`: "1 antwoord", "2 antwoorden". */
@Pipe({ name: 'ovPlural', pure: false })
export class PluralPipe implements PipeTransform {
  private readonly format = inject(Formatter);
  transform(key: string, count: number, params?: Record<string, unknown>): string {
    return this.format.plural(key, count, params);
  }
}

/** `{{ step | ovStep }}`: the step's title in the reader's language where the catalogue has both. */
@Pipe({ name: 'ovStep', pure: false })
export class StepTitlePipe implements PipeTransform {
  private readonly format = inject(Formatter);
  transform(step: { title: string; titleEn?: string | null }): string {
    return this.format.stepTitle(step);
  }
}
