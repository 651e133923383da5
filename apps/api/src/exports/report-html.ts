import {
  FIGURE_WORDS,
  fillWords,
  formatDate,
  formatDateTime,
  percentText,
  spreadFactorText,
  teamsOfText,
  weightedText,
  type AdoptionDto,
  type OlievlekViewDto,
  type ReportLanguage,
  type UnitFiguresDto,
} from '@olievlek/shared';
import { escapeHtml } from '../privacy/export-html';
import { mapSvg, sCurveSvg } from './report-charts';
import { REPORT_TEXTS, words } from '../common/texts';
import { STAGES } from './exports.service';

/** One page of the report: a unit's view at the date and its adoption by month. */
export interface ReportPage {
  view: OlievlekViewDto;
  adoption: AdoptionDto;
}

/**
 * The director's report: one printed page per directorate (`break-after: page`) with the key
 * figures, the stages per department and adoption, as one self-contained HTML page — no script,
 * no external resource, every name escaped. Served with the strict CSP of the privacy export.
 */

function page({ view, adoption }: ReportPage, lang: ReportLanguage): string {
  const w = words(lang);
  const fw = FIGURE_WORDS[lang];
  const t = REPORT_TEXTS[lang];
  const f = view.figures;
  const date = formatDate(lang, view.date);
  // The key figures in the screen's words and rounding (libs/shared figure-words and format).
  const key: Array<[string, string[]]> = [
    [
      fw.reach,
      [
        percentText(lang, f.reach),
        teamsOfText(lang, f.reach),
        weightedText(lang, f.reachWeighted, f.teamsWithoutHeadcount),
      ],
    ],
    [
      fw.rooted,
      [
        percentText(lang, f.rooted),
        teamsOfText(lang, f.rooted),
        weightedText(lang, f.rootedWeighted, f.teamsWithoutHeadcount),
      ],
    ],
    [fw.stalled, [String(f.stalledAgreements)]],
    [
      fw.spreadFactor,
      [
        spreadFactorText(lang, f.spreadFactor),
        f.spreadFactor
          ? fillWords(fw.spreadFactorDetail, {
              inspired: f.spreadFactor.numerator,
              spreading: f.spreadFactor.denominator,
            })
          : fw.noSpreading,
      ],
    ],
    [
      fw.crossUnit,
      [
        String(f.crossUnitLinks.departments),
        fillWords(fw.crossUnitDetail, {
          departments: f.crossUnitLinks.departments,
          directorates: f.crossUnitLinks.directorates,
        }),
      ],
    ],
  ];
  const stageRow = (u: UnitFiguresDto, total = false) => {
    const cell = total ? 'th scope="row"' : 'td';
    return `<tr${total ? ' class="total"' : ''}><${cell}>${escapeHtml(u.unit.name)}</${total ? 'th' : 'td'}><td class="n">${u.teams}</td>${STAGES.map((s) => `<td class="n">${u.stages[s]}</td>`).join('')}<td class="n">${escapeHtml(percentText(lang, u.reach))}</td></tr>`;
  };
  const stages = view.children.length
    ? `<div class="scroll" role="region" tabindex="0" aria-label="${escapeHtml(t.stagesCaption)}"><table>
<caption>${escapeHtml(t.stagesCaption)}</caption>
<thead><tr><th scope="col">${escapeHtml(w.col.unit)}</th><th scope="col">${escapeHtml(t.teams)}</th>${STAGES.map((s) => `<th scope="col">${escapeHtml(w.stage[s])}</th>`).join('')}<th scope="col">${escapeHtml(w.col.reach)}</th></tr></thead>
<tbody>
${view.children.map((c) => stageRow(c)).join('\n')}
${stageRow(f, true)}
</tbody>
</table></div>`
    : `<p class="empty">${escapeHtml(t.noChildren)}</p>`;
  const adopters = Object.entries(f.adopters) as Array<[keyof typeof w.adopters, number]>;
  return `<section class="page" aria-labelledby="u-${escapeHtml(view.unit.id)}">
<h1 id="u-${escapeHtml(view.unit.id)}">${escapeHtml(view.unit.name)}</h1>
<p class="meta">${escapeHtml(t.intro)} ${escapeHtml(date)} · ${escapeHtml(w.kind[view.unit.kind])}</p>
<h2>${escapeHtml(t.keyFigures)}</h2>
<dl class="figures">
${key.map(([term, [value, ...details]]) => `<div><dt>${escapeHtml(term)}</dt><dd class="value">${escapeHtml(value)}</dd>${details.map((d) => `<dd>${escapeHtml(d)}</dd>`).join('')}</div>`).join('\n')}
</dl>
<figure class="chart" data-chart="map" role="img" aria-label="${escapeHtml(fillWords(t.mapAlt, { unit: view.unit.name, date }))}">
<figcaption>${escapeHtml(fillWords(t.map, { date }))}</figcaption>
${mapSvg(view)}
</figure>
<figure class="chart" data-chart="s-curve" role="img" aria-label="${escapeHtml(fillWords(t.sCurveAlt, { unit: view.unit.name }))}">
<figcaption>${escapeHtml(t.sCurve)}</figcaption>
${sCurveSvg(adoption, lang)}
</figure>
${stages}
<div class="scroll" role="region" tabindex="0" aria-label="${escapeHtml(t.adoptionCaption)}"><table class="small">
<caption>${escapeHtml(t.adoptionCaption)}</caption>
<thead><tr>${adopters.map(([k]) => `<th scope="col">${escapeHtml(w.adopters[k])}</th>`).join('')}</tr></thead>
<tbody><tr>${adopters.map(([, n]) => `<td class="n">${n}</td>`).join('')}</tr></tbody>
</table></div>
</section>`;
}

export function renderDirectorReport(
  pages: readonly ReportPage[],
  lang: ReportLanguage,
  generatedAt: string,
  timeZone: string,
): string {
  const t = REPORT_TEXTS[lang];
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
  dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.5rem 1rem; margin: 0; }
  dl.figures div { border: 1px solid #999; padding: 0.4rem 0.6rem; break-inside: avoid; }
  dt { font-weight: 600; }
  dd { margin: 0; font-size: 0.85rem; }
  dd.value { font-size: 1.3rem; font-weight: 700; }
  .chart { margin: 1rem 0; break-inside: avoid; }
  .chart figcaption { font-weight: 600; margin-block-end: 0.3rem; }
  .chart svg { max-width: 100%; height: auto; }
  .made { color: #444; font-size: 0.85rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin-block: 1rem; }
  caption { text-align: start; font-weight: 600; font-size: 1rem; padding-block-end: 0.3rem; }
  th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: start; }
  th { background: #eee; }
  td.n { text-align: end; font-variant-numeric: tabular-nums; }
  tr.total th, tr.total td { font-weight: 600; border-block-start: 2px solid #333; }
  table.small { width: auto; }
  /* A wide table scrolls inside its own box on a phone; the page itself never scrolls sideways. */
  .scroll { overflow-x: auto; }
  @media print { .scroll { overflow: visible; } }
  .page { break-after: page; page-break-after: always; padding-block-end: 2rem; }
  .page:last-of-type { break-after: auto; page-break-after: auto; }
  @media screen { .page + .page { border-block-start: 2px dashed #999; padding-block-start: 2rem; } }
  @media print { body { margin: 0; max-width: none; } .note { display: none; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<p class="note">${escapeHtml(t.print)}</p>
<p class="made">${escapeHtml(t.made)} ${escapeHtml(formatDateTime(lang, generatedAt, timeZone))} (${escapeHtml(timeZone)})</p>
${pages.map((v) => page(v, lang)).join('\n')}
</main>
</body>
</html>
`;
}
