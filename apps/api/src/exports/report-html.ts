import type {
  FractionDto,
  OlievlekViewDto,
  ReportLanguage,
  UnitFiguresDto,
} from '@olievlek/shared';
import { escapeHtml } from '../privacy/export-html';
import { words } from './export-words';
import { STAGES } from './exports.service';

/**
 * The director's report: one printed page per directorate (`break-after: page`) with the key
 * figures, the stages per department and adoption, as one self-contained HTML page — no script,
 * no external resource, every name escaped. Served with the strict CSP of the privacy export.
 */

const TEXT = {
  nl: {
    title: 'Olievlek — rapportage',
    lang: 'nl',
    intro: 'Stand op',
    made: 'Gemaakt op',
    keyFigures: 'Kerncijfers',
    stagesCaption: 'Teams per fase',
    adoptionCaption: 'Adoptie: wanneer teams gingen praktiseren',
    teams: 'Teams',
    of: 'van',
    none: '—',
    print: 'Druk af of bewaar als pdf via het afdrukmenu van de browser.',
    noChildren: 'Geen onderliggende eenheden.',
  },
  en: {
    title: 'Olievlek — report',
    lang: 'en',
    intro: 'Figures at',
    made: 'Made on',
    keyFigures: 'Key figures',
    stagesCaption: 'Teams per stage',
    adoptionCaption: 'Adoption: when teams started practising',
    teams: 'Teams',
    of: 'of',
    none: '—',
    print: "Print it, or save it as PDF from the browser's print menu.",
    noChildren: 'No units below.',
  },
} as const;

function percent(f: FractionDto | null, lang: ReportLanguage): string {
  if (f === null) return '—';
  const value = (Math.round(f.value * 1000) / 10).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  return `${value}% (${f.numerator} ${TEXT[lang].of} ${f.denominator})`;
}

function page(view: OlievlekViewDto, lang: ReportLanguage): string {
  const w = words(lang);
  const t = TEXT[lang];
  const f = view.figures;
  const key: Array<[string, string]> = [
    [w.col.teams, String(f.teams)],
    [w.col.reach, percent(f.reach, lang)],
    [w.col.rooted, percent(f.rooted, lang)],
    [w.col.reachWeighted, percent(f.reachWeighted, lang)],
    [w.col.rootedWeighted, percent(f.rootedWeighted, lang)],
    [w.col.stalled, String(f.stalledAgreements)],
    [
      w.col.spreadFactor,
      f.spreadFactor === null
        ? '—'
        : f.spreadFactor.value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
            maximumFractionDigits: 2,
          }),
    ],
    [w.col.crossDepartments, String(f.crossUnitLinks.departments)],
    [w.col.crossDirectorates, String(f.crossUnitLinks.directorates)],
  ];
  const stageRow = (u: UnitFiguresDto, total = false) => {
    const cell = total ? 'th scope="row"' : 'td';
    return `<tr${total ? ' class="total"' : ''}><${cell}>${escapeHtml(u.unit.name)}</${total ? 'th' : 'td'}><td class="n">${u.teams}</td>${STAGES.map((s) => `<td class="n">${u.stages[s]}</td>`).join('')}<td class="n">${escapeHtml(percent(u.reach, lang))}</td></tr>`;
  };
  const stages = view.children.length
    ? `<table>
<caption>${escapeHtml(t.stagesCaption)}</caption>
<thead><tr><th scope="col">${escapeHtml(w.col.unit)}</th><th scope="col">${escapeHtml(t.teams)}</th>${STAGES.map((s) => `<th scope="col">${escapeHtml(w.stage[s])}</th>`).join('')}<th scope="col">${escapeHtml(w.col.reach)}</th></tr></thead>
<tbody>
${view.children.map((c) => stageRow(c)).join('\n')}
${stageRow(f, true)}
</tbody>
</table>`
    : `<p class="empty">${escapeHtml(t.noChildren)}</p>`;
  const adopters = Object.entries(f.adopters) as Array<[keyof typeof w.adopters, number]>;
  return `<section class="page" aria-labelledby="u-${escapeHtml(view.unit.id)}">
<h1 id="u-${escapeHtml(view.unit.id)}">${escapeHtml(view.unit.name)}</h1>
<p class="meta">${escapeHtml(t.intro)} ${escapeHtml(view.date)} · ${escapeHtml(w.kind[view.unit.kind])}</p>
<h2>${escapeHtml(t.keyFigures)}</h2>
<dl>
${key.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
${stages}
<table class="small">
<caption>${escapeHtml(t.adoptionCaption)}</caption>
<thead><tr>${adopters.map(([k]) => `<th scope="col">${escapeHtml(w.adopters[k])}</th>`).join('')}</tr></thead>
<tbody><tr>${adopters.map(([, n]) => `<td class="n">${n}</td>`).join('')}</tr></tbody>
</table>
</section>`;
}

export function renderDirectorReport(
  pages: readonly OlievlekViewDto[],
  lang: ReportLanguage,
  generatedAt: string,
): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: system-ui, sans-serif; line-height: 1.4; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
  h1 { font-size: 1.6rem; margin-block: 0 0.2rem; }
  h2 { font-size: 1.15rem; margin-block: 1.2rem 0.4rem; }
  .meta, .empty, .note { color: #444; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin-block: 1rem; }
  caption { text-align: start; font-weight: 600; font-size: 1rem; padding-block-end: 0.3rem; }
  th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: start; }
  th { background: #eee; }
  td.n { text-align: end; font-variant-numeric: tabular-nums; }
  tr.total th, tr.total td { font-weight: 600; border-block-start: 2px solid #333; }
  table.small { width: auto; }
  .page { break-after: page; page-break-after: always; padding-block-end: 2rem; }
  .page:last-of-type { break-after: auto; page-break-after: auto; }
  @media screen { .page + .page { border-block-start: 2px dashed #999; padding-block-start: 2rem; } }
  @media print { body { margin: 0; max-width: none; } .note { display: none; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<p class="note">${escapeHtml(t.print)} ${escapeHtml(t.made)} ${escapeHtml(generatedAt.slice(0, 16).replace('T', ' '))} UTC.</p>
${pages.map((v) => page(v, lang)).join('\n')}
</main>
</body>
</html>
`;
}
