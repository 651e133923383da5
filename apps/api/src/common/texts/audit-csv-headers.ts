import type { ReportLanguage } from '@olievlek/shared';

/** The audit log's CSV columns (audit/audit-csv.ts writes the rows). */
export const AUDIT_CSV_COLUMNS = [
  'time_utc',
  'time_local',
  'actor_id',
  'actor_name',
  'actor_email',
  'action',
  'object_type',
  'object_id',
  'result',
  'origin',
  'detail',
] as const;

/**
 * The header row in the reader's language (the columns, their order and the values — ISO times,
 * action codes — stay the same in both, so scripts read either file).
 */
export const AUDIT_CSV_HEADERS: Record<
  ReportLanguage,
  Record<(typeof AUDIT_CSV_COLUMNS)[number], string>
> = {
  en: Object.fromEntries(AUDIT_CSV_COLUMNS.map((c) => [c, c])) as Record<
    (typeof AUDIT_CSV_COLUMNS)[number],
    string
  >,
  nl: {
    time_utc: 'tijdstip_utc',
    time_local: 'tijdstip_lokaal',
    actor_id: 'wie_id',
    actor_name: 'wie_naam',
    actor_email: 'wie_e-mail',
    action: 'actie',
    object_type: 'soort_gegeven',
    object_id: 'kenmerk_gegeven',
    result: 'resultaat',
    origin: 'herkomst',
    detail: 'details',
  },
};
