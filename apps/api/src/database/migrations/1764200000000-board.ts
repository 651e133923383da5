import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const id = () => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const fk = (table: string, column: string, target: string, onDelete?: 'CASCADE') =>
  new TableForeignKey({
    name: `fk_${table}_${column}`,
    columnNames: [column],
    referencedTableName: target,
    referencedColumnNames: ['id'],
    onDelete,
  });

const QUESTIONS: Array<[string, string, string]> = [
  [
    '8b3e4c3a-0003-4000-8000-000000000001',
    'Ik vertrouw erop dat collega’s van andere teams mij helpen als ik dat vraag.',
    'I trust colleagues from other teams to help me when I ask.',
  ],
  [
    '8b3e4c3a-0003-4000-8000-000000000002',
    'We werken gemakkelijk samen over teamgrenzen heen.',
    'We work together easily across team lines.',
  ],
  [
    '8b3e4c3a-0003-4000-8000-000000000003',
    'Onze overleggen hebben een duidelijk doel.',
    'Our meetings have a clear purpose.',
  ],
  [
    '8b3e4c3a-0003-4000-8000-000000000004',
    'Ik ben gemotiveerd om met andere teams samen te werken.',
    'I am motivated to work together with other teams.',
  ],
];

/**
 * The team board: reflections, and anonymous pulse rounds. An answer row holds no person:
 * `pulse_response` only records that someone answered, so nobody can answer twice, and the
 * scores in `pulse_answer` cannot be traced back to them.
 */
export class Board1764200000000 implements MigrationInterface {
  name = 'Board1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reflection',
        columns: [
          id(),
          ref('agreement_id'),
          { name: 'period_key', type: 'varchar', length: '10' },
          ref('author_id'),
          { name: 'text', type: 'text' },
          { name: 'at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          fk('reflection', 'agreement_id', 'agreement', 'CASCADE'),
          fk('reflection', 'author_id', 'app_user'),
        ],
        indices: [
          new TableIndex({
            name: 'idx_reflection_unique',
            columnNames: ['agreement_id', 'period_key', 'author_id'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'pulse_question',
        columns: [
          id(),
          { name: 'text_nl', type: 'varchar', length: '300' },
          { name: 'text_en', type: 'varchar', length: '300' },
          { name: 'position', type: 'integer' },
          { name: 'active', type: 'boolean', default: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'pulse_round',
        columns: [
          id(),
          ref('team_id'),
          { name: 'opened_on', type: 'varchar', length: '10' },
          { name: 'closed_on', type: 'varchar', length: '10', isNullable: true },
          ref('opened_by'),
          { name: 'question_ids', type: 'text' },
        ],
        foreignKeys: [
          fk('pulse_round', 'team_id', 'org_unit'),
          fk('pulse_round', 'opened_by', 'app_user'),
        ],
        indices: [new TableIndex({ name: 'idx_pulse_round_team', columnNames: ['team_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'pulse_response',
        columns: [
          { name: 'round_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        foreignKeys: [
          fk('pulse_response', 'round_id', 'pulse_round', 'CASCADE'),
          fk('pulse_response', 'user_id', 'app_user'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'pulse_answer',
        columns: [id(), ref('round_id'), ref('question_id'), { name: 'score', type: 'integer' }],
        foreignKeys: [
          fk('pulse_answer', 'round_id', 'pulse_round', 'CASCADE'),
          fk('pulse_answer', 'question_id', 'pulse_question'),
        ],
        indices: [
          new TableIndex({
            name: 'idx_pulse_answer_round',
            columnNames: ['round_id', 'question_id'],
          }),
        ],
      }),
    );
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const p = (i: number) => (postgres ? `$${i}` : '?');
    for (const [index, [qid, nl, en]] of QUESTIONS.entries()) {
      await queryRunner.query(
        `INSERT INTO pulse_question (id, text_nl, text_en, position, active) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
        [qid, nl, en, index + 1, true],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'pulse_answer',
      'pulse_response',
      'pulse_round',
      'pulse_question',
      'reflection',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
