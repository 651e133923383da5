import type { DataExportDto, OrgUnitRef } from '@olievlek/shared';

/**
 * The readable, printable version of a data export: one self-contained Dutch HTML page with no
 * script, no external resource and every stored text escaped (notes are user input).
 */

/** Sent with the page: nothing may load or run, only the inline style block applies. */
export const EXPORT_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const ROLE_NAMES: Record<string, string> = {
  admin: 'Beheerder',
  ambassador: 'Ambassadeur',
  team: 'Teamlid',
  director: 'Directeur',
};
const STATE_NAMES: Record<string, string> = { done: 'Gedaan', skipped: 'Overgeslagen' };
const STATUS_NAMES: Record<string, string> = {
  open: 'Lopend',
  closed: 'Afgesloten',
  proposed: 'Voorgesteld',
  running: 'Loopt',
  paused: 'Gepauzeerd',
  adopted: 'Eigen gemaakt',
  dropped: 'Gestopt',
};
const INVOLVEMENT_NAMES: Record<string, string> = {
  ambassador: 'ambassadeur',
  opened: 'geopend',
};

/** An ISO instant as `2026-11-24 14:03 UTC`: unambiguous on paper. */
const instant = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');
const team = (ref: OrgUnitRef) => ref.name;
const named = (names: Record<string, string>, key: string | null) =>
  key === null ? '—' : (names[key] ?? key);

type Cell = string | number | null | undefined;

function table(caption: string, headers: string[], rows: Cell[][], empty = 'Geen.'): string {
  const heading = `<h2>${escapeHtml(caption)}</h2>`;
  if (!rows.length) return `${heading}\n<p class="empty">${escapeHtml(empty)}</p>`;
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell) => `<td>${escapeHtml(cell ?? '—').replace(/\n/g, '<br>')}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `${heading}\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function definitions(caption: string, items: Array<[string, Cell]>): string {
  const rows = items
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value ?? '—')}</dd>`)
    .join('\n');
  return `<h2>${escapeHtml(caption)}</h2>\n<dl>\n${rows}\n</dl>`;
}

function snapshotText(snapshot: Record<string, unknown>): string {
  const parts: string[] = [];
  const add = (label: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    parts.push(`${label}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  };
  add('Datum', snapshot['heldOn']);
  add('Deelnemers', snapshot['participants']);
  add('Situatie', snapshot['situation']);
  add('Wensen', snapshot['wishes']);
  add("Thema's", snapshot['themes']);
  return parts.join('\n');
}

export function renderExportHtml(data: DataExportDto): string {
  const p = data.person;
  const sections = [
    definitions('Persoon', [
      ['Naam', p.name],
      ['E-mailadres', p.email],
      ['Rollen', data.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ') || 'Geen'],
      ['Teams', data.teams.map(team).join(', ') || 'Geen'],
      ['Bereik (directeur)', data.scope ? data.scope.name : 'Geen'],
      ['Taal', p.locale === 'en' ? 'Engels' : 'Nederlands'],
      ['Account actief', p.active ? 'Ja' : 'Nee'],
      ['Wachtwoord ingesteld', p.hasPassword ? 'Ja (alleen als hash bewaard)' : 'Nee'],
      ['Aangemaakt', instant(p.createdAt)],
      ['Laatst gewijzigd', instant(p.updatedAt)],
      ['Geanonimiseerd', p.anonymisedAt ? instant(p.anonymisedAt) : 'Nee'],
      ['Interne id', p.id],
    ]),
    table(
      'Sessies (ingelogd)',
      ['Begonnen', 'Laatst gebruikt', 'Verloopt'],
      data.sessions.map((s) => [instant(s.createdAt), instant(s.lastSeenAt), instant(s.expiresAt)]),
    ),
    table(
      'Mislukte inlogpogingen (bewaard voor de inlogbeperking)',
      ['Tijdstip'],
      data.failedSignIns.map((at) => [instant(at)]),
    ),
    table(
      'Casussen',
      ['Team', 'Status', 'Geopend', 'Afgesloten', 'Betrokken als'],
      data.cases.map((c) => [
        team(c.team),
        named(STATUS_NAMES, c.status),
        c.openedOn,
        c.closedOn,
        c.involvement.map((i) => INVOLVEMENT_NAMES[i] ?? i).join(', '),
      ]),
    ),
    table(
      'Intakes (laatst bewerkt door deze persoon)',
      ['Team', 'Datum', 'Deelnemers', 'Situatie (privé)', 'Wensen', "Thema's", 'Versie'],
      data.intakes.map((i) => [
        team(i.team),
        i.heldOn,
        i.participants,
        i.situation,
        i.wishes,
        i.themes.join(', '),
        i.version,
      ]),
    ),
    table(
      'Eerdere intakeversies (geschreven door deze persoon)',
      ['Team', 'Versie', 'Bewaard', 'Inhoud'],
      data.intakeRevisions.map((r) => [
        team(r.team),
        r.version,
        instant(r.changedAt),
        snapshotText(r.intake),
      ]),
    ),
    table(
      'Observaties (privénotities)',
      ['Team', 'Datum', 'Tekst', 'Geschreven'],
      data.observations.map((o) => [team(o.team), o.observedOn, o.text, instant(o.createdAt)]),
    ),
    table(
      'Reflecties',
      ['Team', 'Verbeterstap', 'Periode', 'Tekst', 'Geschreven'],
      data.reflections.map((r) => [
        team(r.team),
        r.agreementTitle,
        r.periodKey,
        r.text,
        instant(r.at),
      ]),
    ),
    table(
      'Verbeterstappen met deze persoon als eigenaar',
      ['Team', 'Verbeterstap', 'Status', 'Start', 'Einde'],
      data.agreementsOwned.map((a) => [
        team(a.team),
        a.title,
        named(STATUS_NAMES, a.status),
        a.startDate,
        a.endDate,
      ]),
    ),
    table(
      'Statuswijzigingen van verbeterstappen',
      ['Verbeterstap', 'Van', 'Naar', 'Datum', 'Reden'],
      data.agreementStatusChanges.map((c) => [
        c.agreementTitle,
        named(STATUS_NAMES, c.from),
        named(STATUS_NAMES, c.to),
        c.onDate,
        c.reason,
      ]),
    ),
    table(
      'Afvinkingen',
      ['Team', 'Verbeterstap', 'Periode', 'Stand', 'Reden', 'Datum'],
      data.checkOffs.map((c) => [
        team(c.team),
        c.agreementTitle,
        c.periodKey,
        named(STATE_NAMES, c.state),
        c.reason,
        c.onDate,
      ]),
    ),
    table(
      'Deelname aan pulspeilingen (alleen dát, niet de antwoorden)',
      ['Team', 'Peiling geopend'],
      data.pulseParticipation.map((r) => [team(r.team), r.openedOn]),
    ),
    table(
      'Pulspeilingen geopend door deze persoon',
      ['Team', 'Geopend', 'Gesloten'],
      data.pulseRoundsOpened.map((r) => [team(r.team), r.openedOn, r.closedOn]),
    ),
    table(
      'Auditlog: handelingen van deze persoon',
      ['Tijdstip', 'Handeling', 'Object', 'Resultaat', 'Herkomst (IP)', 'Details'],
      data.auditEvents.map((e) => [
        instant(e.at),
        e.action,
        [e.objectType, e.objectId].filter(Boolean).join(' '),
        e.result,
        e.origin,
        e.detail === null ? null : JSON.stringify(e.detail),
      ]),
    ),
  ];

  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Gegevensoverzicht ${escapeHtml(p.name)} — Olievlek</title>
<style>
  body { font-family: system-ui, sans-serif; line-height: 1.45; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1a1a1a; }
  h1 { font-size: 1.6rem; margin-block-end: 0.25rem; }
  h2 { font-size: 1.15rem; margin-block: 1.75rem 0.5rem; border-block-end: 1px solid #888; padding-block-end: 0.2rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { border: 1px solid #bbb; padding: 0.3rem 0.45rem; text-align: start; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #f0f0f0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .meta, .empty { color: #444; }
  .explanations { background: #f6f6f6; border-inline-start: 4px solid #555; padding: 0.5rem 1rem; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<h1>Gegevensoverzicht van ${escapeHtml(p.name)}</h1>
<p class="meta">Olievlek — gemaakt op ${escapeHtml(instant(data.generatedAt))}</p>
<div class="explanations">
<ul>
${data.explanations.map((e) => `<li>${escapeHtml(e)}</li>`).join('\n')}
</ul>
</div>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
