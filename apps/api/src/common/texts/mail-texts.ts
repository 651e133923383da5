import type { MailKind, StageDto } from '@olievlek/shared';

/**
 * The words of the three mails (mail/mail-templates.ts puts them together), in Dutch and
 * English. A text with a number in it comes as `{ one, other }` (`pluralText` picks the form by
 * the language's rule), so a mail never says "1 perioden". `texts.spec.ts` holds both languages
 * to the same keys and the same arguments.
 */
export const MAIL_TEXTS = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    kindName: {
      'team-reminder': 'de wekelijkse herinnering aan jullie stappen',
      'ambassador-digest': 'het wekelijkse overzicht voor ambassadeurs',
      'director-summary': 'de maandelijkse samenvatting voor directeuren',
    } satisfies Record<MailKind, string>,
    why: (kind: string) => `Je krijgt ${kind} van Olievlek.`,
    unsubscribe: 'Afmelden voor deze mail',
    settings: 'Kies welke mails je krijgt',
    teamSubject: {
      one: (n: number) => `Olievlek: ${n} stap staat deze week open`,
      other: (n: number) => `Olievlek: ${n} stappen staan deze week open`,
    },
    teamIntro:
      'Dit zijn de verbeterstappen die nu openstaan. Open een stap om hem op het bord af te vinken; de link zelf vinkt niets af.',
    dueWeek: (d: string) => `deze week (tot en met ${d})`,
    dueBy: (d: string) => `tot en met ${d}`,
    openStep: (title: string) => `Open „${title}” op het bord`,
    openBoard: 'Naar ons bord',
    digestSubjectQuiet: 'Olievlek: je weekoverzicht',
    digestSubject: {
      one: (n: number) => `Olievlek: je weekoverzicht (${n} stilgevallen casus)`,
      other: (n: number) => `Olievlek: je weekoverzicht (${n} stilgevallen casussen)`,
    },
    digestIntro: {
      one: (n: number) => `Je hebt ${n} lopende casus. Dit is wat deze week aandacht vraagt.`,
      other: (n: number) => `Je hebt ${n} lopende casussen. Dit is wat deze week aandacht vraagt.`,
    },
    stalled: 'Stilgevallen radar',
    stalledNone: 'Geen stilgevallen stappen. Mooi zo.',
    silence: {
      one: (n: number) => `${n} periode zonder afvinken`,
      other: (n: number) => `${n} perioden zonder afvinken`,
    },
    newRoutines: 'Nieuwe routines',
    newRoutinesNone: 'Deze week geen nieuwe routines.',
    reviewsDue: 'Evaluaties',
    reviewsDueNone: 'Geen evaluaties in de komende week.',
    reviewOn: (d: string) => `evaluatie op ${d}`,
    openCase: (team: string) => `Casus ${team}`,
    openCases: 'Naar mijn casussen',
    summarySubject: (unit: string, month: string) =>
      `Olievlek: maandsamenvatting ${unit} (${month})`,
    summaryIntro: (unit: string, date: string) =>
      `De kerncijfers van ${unit} op ${date}. Alleen cijfers: geen namen, geen notities.`,
    teams: 'Teams',
    reach: 'Bereik (experimenteert of verder)',
    rooted: 'Geworteld (praktiseert of verder)',
    stalledAgreements: 'Stilgevallen afspraken',
    spreadFactor: 'Verspreidingsfactor R',
    crossDepartment: 'Verbindingen tussen afdelingen',
    stagesHeading: 'Teams per fase',
    stage: {
      'not-reached': 'Nog niet bereikt',
      intake: 'Intake',
      experimenting: 'Experimenteert',
      practising: 'Praktiseert',
      spreading: 'Verspreidt',
    } satisfies Record<StageDto, string>,
    childrenHeading: 'Per onderdeel',
    unit: 'Onderdeel',
    none: '–',
    openOlievlek: 'Bekijk de olievlek',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    kindName: {
      'team-reminder': 'the weekly reminder of your steps',
      'ambassador-digest': 'the weekly digest for ambassadors',
      'director-summary': 'the monthly summary for directors',
    } satisfies Record<MailKind, string>,
    why: (kind: string) => `You receive ${kind} from Olievlek.`,
    unsubscribe: 'Unsubscribe from this mail',
    settings: 'Choose which mails you get',
    teamSubject: {
      one: (n: number) => `Olievlek: ${n} step is open this week`,
      other: (n: number) => `Olievlek: ${n} steps are open this week`,
    },
    teamIntro:
      'These improvement steps are open now. Open a step to tick it off on the board; the link itself ticks nothing.',
    dueWeek: (d: string) => `this week (until ${d})`,
    dueBy: (d: string) => `until ${d}`,
    openStep: (title: string) => `Open "${title}" on the board`,
    openBoard: 'Go to our board',
    digestSubjectQuiet: 'Olievlek: your weekly digest',
    digestSubject: {
      one: (n: number) => `Olievlek: your weekly digest (${n} stalled case)`,
      other: (n: number) => `Olievlek: your weekly digest (${n} stalled cases)`,
    },
    digestIntro: {
      one: (n: number) => `You have ${n} open case. This is what needs attention this week.`,
      other: (n: number) => `You have ${n} open cases. This is what needs attention this week.`,
    },
    stalled: 'Stalled radar',
    stalledNone: 'No stalled steps. Well done.',
    silence: {
      one: (n: number) => `${n} period without a tick`,
      other: (n: number) => `${n} periods without a tick`,
    },
    newRoutines: 'New routines',
    newRoutinesNone: 'No new routines this week.',
    reviewsDue: 'Reviews',
    reviewsDueNone: 'No reviews in the coming week.',
    reviewOn: (d: string) => `review on ${d}`,
    openCase: (team: string) => `Case ${team}`,
    openCases: 'Go to my cases',
    summarySubject: (unit: string, month: string) => `Olievlek: monthly summary ${unit} (${month})`,
    summaryIntro: (unit: string, date: string) =>
      `The key figures of ${unit} on ${date}. Figures only: no names, no notes.`,
    teams: 'Teams',
    reach: 'Reach (experimenting or further)',
    rooted: 'Rooted (practising or further)',
    stalledAgreements: 'Stalled agreements',
    spreadFactor: 'Spread factor R',
    crossDepartment: 'Links between departments',
    stagesHeading: 'Teams per stage',
    stage: {
      'not-reached': 'Not reached yet',
      intake: 'Intake',
      experimenting: 'Experimenting',
      practising: 'Practising',
      spreading: 'Spreading',
    } satisfies Record<StageDto, string>,
    childrenHeading: 'Per unit',
    unit: 'Unit',
    none: '–',
    openOlievlek: 'View the olievlek',
  },
};
