import { MigrationInterface, QueryRunner } from 'typeorm';

type Seed = [
  id: string,
  titleNl: string,
  titleEn: string,
  descriptionNl: string,
  descriptionEn: string,
  whyNl: string,
  whyEn: string,
  cadence: 'once' | 'weeks' | 'monthly',
  every: number | null,
  category: string,
  needsPartner: boolean,
];

/** The programme's own catalogue (docs/design.md, "Seed catalogue"). Fixed ids so demo data can refer to them. */
export const SEED_PRACTICES: Seed[] = [
  [
    '6f1c2a1e-0001-4000-8000-000000000001',
    'Begin elk overleg met het doel (doel vooraf)',
    'Start every meeting with its purpose',
    'Noem aan het begin van elk overleg in één zin waarvoor je bij elkaar bent en wat er aan het eind moet liggen.',
    'Open every meeting by stating in one sentence why you are meeting and what should be settled by the end.',
    'Een gedeeld doel maakt zichtbaar wie wat nodig heeft en haalt de strijd om gelijk uit het overleg.',
    'A shared purpose shows who needs what and takes the fight over who is right out of the meeting.',
    'weeks',
    1,
    'meetings',
    false,
  ],
  [
    '6f1c2a1e-0001-4000-8000-000000000002',
    'Wekelijks een half uur zonder agenda',
    'A weekly half hour without an agenda',
    'Reserveer elke week een half uur waarin het team praat over wat er speelt, zonder agenda of besluiten.',
    'Keep half an hour each week in which the team talks about whatever is going on, with no agenda and no decisions.',
    'Vertrouwen groeit in de ruimte tussen de agendapunten.',
    'Trust grows in the space between agenda items.',
    'weeks',
    1,
    'trust',
    false,
  ],
  [
    '6f1c2a1e-0001-4000-8000-000000000003',
    'Elke week brengt een team een onderwerp in voor gezamenlijk gesprek',
    'Each week a team brings a topic for joint discussion',
    'Om de beurt brengt een team een vraag of dilemma in, waar de anderen met open vragen op ingaan.',
    'Teams take turns to bring a question or dilemma, which the others explore with open questions.',
    'Wie zijn vraag deelt, laat zien dat hij de ander nodig heeft: dat breekt machtsdenken.',
    'Sharing a question shows that you need the other: that breaks power-thinking.',
    'weeks',
    1,
    'collaboration',
    false,
  ],
  [
    '6f1c2a1e-0001-4000-8000-000000000004',
    'Tijd om elkaar te leren kennen',
    'Time to get to know each other',
    'Eens per maand een moment om elkaar te leren kennen buiten de inhoud van het werk: wat drijft je, wat kun je?',
    'Once a month, time to get to know each other beyond the work itself: what drives you, what are you good at?',
    'Je werkt makkelijker samen met iemand die je kent dan met een functie.',
    'It is easier to work with a person you know than with a job title.',
    'monthly',
    null,
    'trust',
    false,
  ],
  [
    '6f1c2a1e-0001-4000-8000-000000000005',
    'Gezamenlijke procesanalyse van de belangrijkste overdrachten tussen twee afdelingen',
    'Joint process analysis of the key hand-offs between two departments',
    'Breng samen met de andere afdeling de overdrachten in kaart: wat gaat er goed, waar blijft werk liggen, wie merkt dat?',
    'Map the hand-offs together with the other department: what goes well, where does work get stuck, who notices?',
    'Samen naar het proces kijken verschuift het gesprek van schuld naar oorzaak.',
    'Looking at the process together moves the conversation from blame to cause.',
    'once',
    null,
    'process',
    true,
  ],
  [
    '6f1c2a1e-0001-4000-8000-000000000006',
    'Stand-up bij het verbeterbord',
    'Improvement board (verbeterbord) stand-up',
    'Een korte staande bespreking bij het verbeterbord: wat is verbeterd, wat loopt, wat pakken we op?',
    'A short stand-up at the improvement board: what improved, what is in progress, what do we take on?',
    'Kleine verbeteringen zichtbaar maken houdt de beweging gaande.',
    'Making small improvements visible keeps the movement going.',
    'weeks',
    1,
    'improvement',
    false,
  ],
  [
    '6f1c2a1e-0001-4000-8000-000000000007',
    "Sessie 'waarom zijn we hier' over het doel van een overleg of team",
    '"Why are we here" session on a meeting\'s or team\'s purpose',
    'Eén sessie waarin het team het doel van een overleg of van het team zelf opnieuw formuleert.',
    'One session in which the team restates the purpose of a meeting or of the team itself.',
    'Wie het waarom deelt, hoeft minder over het hoe te vechten.',
    'Those who share the why need to fight less about the how.',
    'once',
    null,
    'meetings',
    false,
  ],
  [
    '6f1c2a1e-0001-4000-8000-000000000008',
    'Verbeterteam: 3–4 mensen, elke twee weken, eerst data, effect meten',
    'Improvement team: 3–4 people, every two weeks, data first, measure the effect',
    'Een klein team komt elke twee weken bij elkaar, begint bij de cijfers en meet het effect van elke verandering.',
    'A small team meets every two weeks, starts from the data and measures the effect of each change.',
    'Data maakt het gesprek minder persoonlijk en het resultaat zichtbaar.',
    'Data makes the conversation less personal and the result visible.',
    'weeks',
    2,
    'improvement',
    false,
  ],
  [
    '6f1c2a1e-0001-4000-8000-000000000009',
    'Key-useroverleg over teams heen, elke zes weken een uur',
    'Key-user meeting across teams, one hour every six weeks',
    'De key users van meerdere teams komen elke zes weken een uur bij elkaar om ervaringen en knelpunten te delen.',
    'Key users of several teams meet for an hour every six weeks to share experience and bottlenecks.',
    'Key users dragen de verandering het team in en brengen de knelpunten eruit.',
    'Key users carry the change into the team and carry the bottlenecks out.',
    'weeks',
    6,
    'collaboration',
    true,
  ],
  [
    '6f1c2a1e-0001-4000-8000-00000000000a',
    'Werkconferentie over een dienstverleningsprobleem over afdelingen heen',
    'Work conference on a service problem across departments',
    'Een werkconferentie waarin afdelingen samen één concreet probleem in de dienstverlening aan inwoners aanpakken.',
    'A work conference in which departments tackle one concrete problem in the service to residents together.',
    'Een gedeeld probleem van de inwoner is sterker dan ieders eigen belang.',
    "A resident's shared problem is stronger than each department's own interest.",
    'once',
    null,
    'collaboration',
    true,
  ],
  [
    '6f1c2a1e-0001-4000-8000-00000000000b',
    'Actief hulp en kennis aanbieden aan een andere afdeling',
    'Actively offer help and knowledge to another department',
    'Bied elke maand een andere afdeling iets aan: een uur meedenken, een stuk kennis, een handje helpen.',
    'Each month, offer another department something: an hour of thinking along, a piece of knowledge, a helping hand.',
    'Geven zonder te vragen bouwt de wederkerigheid waar samenwerking op rust.',
    'Giving without being asked builds the reciprocity collaboration rests on.',
    'monthly',
    null,
    'collaboration',
    true,
  ],
];

const THEMES: Array<[string, string, string]> = [
  ['7a2d3b2f-0002-4000-8000-000000000001', 'Vertrouwen', 'Trust'],
  ['7a2d3b2f-0002-4000-8000-000000000002', 'Machtsdenken', 'Power-thinking'],
  ['7a2d3b2f-0002-4000-8000-000000000003', 'Overleg en vergaderen', 'Meetings'],
  [
    '7a2d3b2f-0002-4000-8000-000000000004',
    'Samenwerken over teamgrenzen',
    'Working across team lines',
  ],
  ['7a2d3b2f-0002-4000-8000-000000000005', 'Werkdruk', 'Workload'],
  ['7a2d3b2f-0002-4000-8000-000000000006', 'Overdrachten en processen', 'Hand-offs and processes'],
  ['7a2d3b2f-0002-4000-8000-000000000007', 'Motivatie', 'Motivation'],
  ['7a2d3b2f-0002-4000-8000-000000000008', 'Leiderschap', 'Leadership'],
];

/** Reference data every installation needs, production included: the seed catalogue and themes. */
export class SeedCatalogue1764100000001 implements MigrationInterface {
  name = 'SeedCatalogue1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const at = '2026-11-24T00:00:00.000Z';
    // Plain SQL with the driver's placeholders: a migration must not depend on today's entities.
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const placeholders = (n: number) =>
      Array.from({ length: n }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
    for (const [
      id,
      titleNl,
      titleEn,
      descriptionNl,
      descriptionEn,
      whyNl,
      whyEn,
      kind,
      every,
      category,
      needsPartner,
    ] of SEED_PRACTICES) {
      await queryRunner.query(
        `INSERT INTO practice (id, title_nl, title_en, description_nl, description_en, why_nl, why_en, cadence_kind, cadence_every, category, needs_partner, retired_at, version, created_at, updated_at) VALUES (${placeholders(15)})`,
        [
          id,
          titleNl,
          titleEn,
          descriptionNl,
          descriptionEn,
          whyNl,
          whyEn,
          kind,
          every,
          category,
          needsPartner,
          null,
          1,
          at,
          at,
        ],
      );
    }
    for (const [id, nameNl, nameEn] of THEMES) {
      await queryRunner.query(
        `INSERT INTO theme (id, name_nl, name_en) VALUES (${placeholders(3)})`,
        [id, nameNl, nameEn],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM theme');
    await queryRunner.query('DELETE FROM practice');
  }
}
