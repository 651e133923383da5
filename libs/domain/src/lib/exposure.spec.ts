import fc from 'fast-check';
import { exposures, nextBestTeams } from './exposure';
import { isRooted } from './figures';
import { buildOrgIndex, isActiveAt } from './org-index';
import { isSpreadLinkAt, isTieAt, SpreadLink, TeamAgreement } from './relations';
import { AgreementStatus, Stage } from './stage';
import { partnerAgreement, teamAgreement } from './testing/agreements';
import { EXAMPLE_UNITS } from './testing/example-org';
import { randomOrg, randomTeamArb } from './testing/random-org';

const index = buildOrgIndex(EXAMPLE_UNITS);
const t = '2026-09-30';
const stages = new Map<string, Stage>([
  ['a1x', 'spreading'],
  ['a1y', 'practising'],
  ['b1x', 'practising'],
  ['b1y', 'practising'], // archived in June: nobody sees it any more
]);
const adopted = (
  teamId: string,
  practiceId: string,
  partnerTeamId: string | null = null,
): TeamAgreement =>
  teamAgreement(teamId, {
    practiceId,
    partnerTeamId,
    statusHistory: [
      { on: '2026-01-05', status: 'running' },
      { on: '2026-05-01', status: 'adopted' },
    ],
  });
const agreements: TeamAgreement[] = [
  adopted('a1x', 'doel-vooraf'),
  teamAgreement('a1x', { practiceId: 'half-uur' }), // running, not (yet) practised
  adopted('a1y', 'doel-vooraf'),
  adopted('a1y', 'kennismaken', 'a1z'),
  adopted('b1x', 'verbeterbord', 'a2x'),
  teamAgreement('b1x', { practiceId: null }), // a custom step
];
const links: SpreadLink[] = [
  { sourceTeamId: 'a1x', targetTeamId: 'a2x', practiceId: 'doel-vooraf', on: '2026-08-01' },
];

describe('exposure of unreached teams', () => {
  it('counts distinct practising neighbours and partners, each once', () => {
    // a1z: a1x and a1y in its department (a1y is also its partner: still one team).
    // a2x: alone in its department, but partner of b1x and inspired by a1x.
    expect(exposures(index, stages, agreements, links, t)).toEqual(
      new Map([
        ['a1z', 2],
        ['a2x', 2],
      ]),
    );
    // Before the spread link, a2x saw only b1x.
    expect(exposures(index, stages, agreements, links, '2026-07-31').get('a2x')).toBe(1);
  });

  it('lists next-best teams with the teams they see and the practices those practise', () => {
    expect(nextBestTeams(index, stages, agreements, links, t).teams).toEqual([
      {
        teamId: 'a1z',
        exposure: 2,
        sources: [
          { teamId: 'a1x', via: ['department'], practiceIds: ['doel-vooraf'] },
          {
            teamId: 'a1y',
            via: ['agreement', 'department'],
            practiceIds: ['doel-vooraf', 'kennismaken'],
          },
        ],
        practices: [
          { practiceId: 'doel-vooraf', teamIds: ['a1x', 'a1y'] },
          { practiceId: 'kennismaken', teamIds: ['a1y'] },
        ],
      },
      {
        teamId: 'a2x',
        exposure: 2,
        sources: [
          { teamId: 'a1x', via: ['spread-link'], practiceIds: ['doel-vooraf'] },
          { teamId: 'b1x', via: ['agreement'], practiceIds: ['verbeterbord'] },
        ],
        practices: [
          { practiceId: 'doel-vooraf', teamIds: ['a1x'] },
          { practiceId: 'verbeterbord', teamIds: ['b1x'] },
        ],
      },
    ]);
  });

  it('honours the minimum exposure, the limit and the candidates', () => {
    const ids = (options: Parameters<typeof nextBestTeams>[5]) =>
      nextBestTeams(index, stages, agreements, links, t, options).teams.map((n) => n.teamId);
    expect(ids({ minExposure: 3 })).toEqual([]);
    expect(ids({ limit: 1 })).toEqual(['a1z']);
    const all = nextBestTeams(index, stages, agreements, links, t);
    expect(all.total).toBe(2);
    expect(nextBestTeams(index, stages, agreements, links, t, { limit: 1 }).total).toBe(all.total);
    expect(ids({ candidates: new Set(['a2x']) })).toEqual(['a2x']);
    expect(ids({})).toEqual(['a1z', 'a2x']);
  });

  it('matches a pairwise count on random organisations, and next-best is sorted (property)', () => {
    const statusArb = fc.constantFrom<AgreementStatus>('proposed', 'running', 'adopted', 'dropped');
    fc.assert(
      fc.property(
        fc.array(randomTeamArb, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), statusArb, fc.boolean()), { maxLength: 30 }),
        (teams, pairs) => {
          const { units, stages: random } = randomOrg(teams);
          const idx = buildOrgIndex(units);
          const team = (n: number) => `t${n % teams.length}`;
          const randomAgreements = pairs
            .filter(([, , , isLink]) => !isLink)
            .map(([a, b, status]) => partnerAgreement(team(a), team(b), status, '2026-03-01'));
          const randomLinks = pairs
            .filter(([, , , isLink]) => isLink)
            .map(([a, b]) => ({
              sourceTeamId: team(a),
              targetTeamId: team(b),
              practiceId: 'p',
              on: '2026-03-01',
            }));
          const tied = (u: string, v: string) =>
            randomAgreements.some(
              (a) =>
                isTieAt(a, t) &&
                ((a.teamId === u && a.partnerTeamId === v) ||
                  (a.teamId === v && a.partnerTeamId === u)),
            ) ||
            randomLinks.some(
              (l) =>
                isSpreadLinkAt(l, t) &&
                ((l.sourceTeamId === u && l.targetTeamId === v) ||
                  (l.sourceTeamId === v && l.targetTeamId === u)),
            );
          const active = idx.teamIds.filter((id) => isActiveAt(idx, id, t));
          const stageOf = (id: string) => random.get(id) ?? 'not-reached';
          const expected = new Map(
            active
              .filter((u) => stageOf(u) === 'not-reached')
              .map((u) => [
                u,
                active.filter(
                  (v) =>
                    v !== u &&
                    isRooted(stageOf(v)) &&
                    (idx.parentOf.get(v) === idx.parentOf.get(u) || tied(u, v)),
                ).length,
              ]),
          );
          expect(exposures(idx, random, randomAgreements, randomLinks, t)).toEqual(expected);
          const best = nextBestTeams(idx, random, randomAgreements, randomLinks, t).teams;
          for (let i = 1; i < best.length; i++) {
            expect(best[i].exposure).toBeLessThanOrEqual(best[i - 1].exposure);
          }
          for (const next of best) {
            expect(next.exposure).toBeGreaterThanOrEqual(2);
            expect(next.sources).toHaveLength(next.exposure);
          }
        },
      ),
    );
  });
});
