/**
 * Downloads of the figures: CSV (UTF-8 with BOM, `;` for Dutch Excel by default) or XLSX, and the
 * printable director's report. Every download is audited; scope is checked like the screens.
 */

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const query = (params: Record<string, string | undefined>): string => {
  const entries = Object.entries(params).filter(
    (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
  );
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

export const EXPORT_ROUTES = {
  olievlek: '/api/exports/olievlek',
  cases: '/api/exports/cases',
  checkOffs: '/api/exports/check-offs',
  report: '/api/exports/director-report',
} as const;

/** URLs for a plain download link (`<a href download>`): the browser sends the session cookie. */
export const EXPORT_URLS = {
  olievlek: (format: ExportFormat, unitId?: string, date?: string) =>
    EXPORT_ROUTES.olievlek + query({ format, unitId, date }),
  cases: (format: ExportFormat) => EXPORT_ROUTES.cases + query({ format }),
  checkOffs: (format: ExportFormat, unitId?: string) =>
    EXPORT_ROUTES.checkOffs + query({ format, unitId }),
  report: (lang: ReportLanguage, unitId?: string, date?: string) =>
    EXPORT_ROUTES.report + query({ lang, unitId, date }),
  /** The same report printed to PDF on the server. */
  reportPdf: (lang: ReportLanguage, unitId?: string, date?: string) =>
    EXPORT_ROUTES.report + query({ lang, unitId, date, format: 'pdf' }),
} as const;

/** The director's report as a page to print, or as a PDF printed on the server from that page. */
export const REPORT_FORMATS = ['html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
