import {
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatWeek,
  pluralCategory,
  todayIn,
} from './format';
import { pluralWords, weightedText } from '@olievlek/shared';
import { en as enTexts } from '../i18n/en';
import { nl as nlTexts } from '../i18n/nl';

describe('numbers, dates and plurals as people say them', () => {
  it('writes a decimal comma in Dutch and a point in English', () => {
    expect(formatNumber('nl', 12.5)).toBe('12,5');
    expect(formatNumber('en', 12.5)).toBe('12.5');
    expect(formatNumber('nl', 1234)).toBe('1.234');
    expect(formatPercent('nl', 0.455, 1)).toBe('45,5%');
  });

  it('writes dates, months and weeks in words, ISO keys only in the API', () => {
    expect(formatDate('nl', '2026-12-03')).toBe('3 december 2026');
    expect(formatDate('en', '2026-12-03')).toBe('3 December 2026');
    expect(formatMonth('nl', '2026-11')).toBe('november 2026');
    expect(formatWeek('nl', '2026-W49', 2026)).toBe('week 49');
    expect(formatWeek('nl', '2025-W01', 2026)).toBe('week 1 van 2025');
    expect(formatWeek('en', '2025-W01', 2026)).toBe('week 1 of 2025');
    expect(formatPeriod('nl', '2026-W49', 2026)).toBe('week 49');
    expect(formatPeriod('nl', '2026-11')).toBe('november 2026');
    expect(formatPeriod('nl', '2026-12-03')).toBe('3 december 2026');
  });

  it('writes an instant in the organisation’s time zone, not in UTC', () => {
    // 23:30 UTC on 2 December is already 3 December in Amsterdam.
    expect(formatDateTime('nl', '2026-12-02T23:30:00.000Z', 'Europe/Amsterdam')).toBe(
      '3 december 2026 om 00:30',
    );
    expect(formatDateTime('en', '2026-12-02T23:30:00.000Z', 'Europe/Amsterdam')).toBe(
      '3 December 2026 at 00:30',
    );
  });

  it('picks one or other: "1 antwoord", "2 antwoorden"', () => {
    expect(pluralCategory('nl', 1)).toBe('one');
    expect(pluralCategory('nl', 2)).toBe('other');
    expect(pluralCategory('nl', 0)).toBe('other');
    expect(pluralCategory('en', 1)).toBe('one');
  });

  it('writes the texts with a count in the form that fits it, on screen and on the server', () => {
    const { nl, en } = { nl: nlTexts, en: enTexts };
    expect(pluralWords('nl', nl.home.director.teams, 1)).toBe('1 actief team in jouw bereik.');
    expect(pluralWords('nl', nl.home.director.teams, 4)).toBe('4 actieve teams in jouw bereik.');
    expect(pluralWords('en', en.home.director.teams, 1)).toBe('1 active team in your scope.');
    expect(pluralWords('nl', nl.pulse.mean, 1, { mean: '4' })).toBe(
      'Gemiddeld 4 uit 5 (1 antwoord)',
    );
    expect(pluralWords('nl', nl.pulse.mean, 2, { mean: '4' })).toBe(
      'Gemiddeld 4 uit 5 (2 antwoorden)',
    );
    expect(pluralWords('nl', nl.olievlek.adoption.span, 1, { from: 'juni 2026' })).toBe(
      '1 maand, juni 2026',
    );
    expect(pluralWords('nl', nl.olievlek.adoption.span, 11, { from: 'a', to: 'b' })).toBe(
      '11 maanden, van a tot en met b',
    );
    expect(pluralWords('nl', nl.privacy.openCases, 1)).toContain('1 lopende casus.');
    expect(pluralWords('nl', nl.privacy.openCases, 3)).toContain('3 lopende casussen.');
    expect(pluralWords('en', en.privacy.openCases, 1)).toContain('1 open case.');
    expect(pluralWords('nl', nl.olievlek.nextBest.practice, 1234, { practice: 'P' })).toBe(
      '1.234 buurteams passen "P" toe',
    );
    expect(weightedText('nl', null, 1)).toContain('1 team zonder bekende bezetting telt');
    expect(weightedText('en', null, 2)).toContain('2 teams without a known headcount are');
  });

  it("takes today in the organisation's time zone, not in Amsterdam's or the browser's", () => {
    // 3 December 2026, 12:00 UTC: the 3rd in Amsterdam, already the 4th on Kiritimati (UTC+14);
    // at 09:00 UTC it is still the 2nd in Honolulu (UTC−10).
    const noon = new Date('2026-12-03T12:00:00Z');
    expect(todayIn('Europe/Amsterdam', noon)).toBe('2026-12-03');
    expect(todayIn('Pacific/Kiritimati', noon)).toBe('2026-12-04');
    expect(todayIn('Pacific/Honolulu', new Date('2026-12-03T09:00:00Z'))).toBe('2026-12-02');
  });
});
