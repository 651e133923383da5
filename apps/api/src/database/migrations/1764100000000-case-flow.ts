import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const id = () => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const instant = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable: nullable,
});
const date = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '10',
  isNullable: nullable,
});
const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
const version = () => ({ name: 'version', type: 'integer', default: 1 });
const fk = (table: string, column: string, target: string, onDelete?: 'CASCADE') =>
  new TableForeignKey({
    name: `fk_${table}_${column}`,
    columnNames: [column],
    referencedTableName: target,
    referencedColumnNames: ['id'],
    onDelete,
  });

/** The ambassador's case flow: catalogue, themes, cases, intakes, agreements, observations, check-offs. */
export class CaseFlow1764100000000 implements MigrationInterface {
  name = 'CaseFlow1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'practice',
        columns: [
          id(),
          { name: 'title_nl', type: 'varchar', length: '200' },
          { name: 'title_en', type: 'varchar', length: '200' },
          text('description_nl'),
          text('description_en'),
          text('why_nl'),
          text('why_en'),
          { name: 'cadence_kind', type: 'varchar', length: '8' },
          { name: 'cadence_every', type: 'integer', isNullable: true },
          { name: 'category', type: 'varchar', length: '40' },
          { name: 'needs_partner', type: 'boolean', default: false },
          instant('retired_at', true),
          version(),
          instant('created_at'),
          instant('updated_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'theme',
        columns: [
          id(),
          { name: 'name_nl', type: 'varchar', length: '80' },
          { name: 'name_en', type: 'varchar', length: '80' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_file',
        columns: [
          id(),
          ref('team_id'),
          { name: 'status', type: 'varchar', length: '8' },
          date('opened_on'),
          date('closed_on', true),
          text('closing_summary', true),
          ref('opened_by'),
          version(),
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [
          fk('case_file', 'team_id', 'org_unit'),
          fk('case_file', 'opened_by', 'app_user'),
        ],
        indices: [
          new TableIndex({ name: 'idx_case_file_team', columnNames: ['team_id', 'status'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_ambassador',
        columns: [
          { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        foreignKeys: [
          fk('case_ambassador', 'case_id', 'case_file', 'CASCADE'),
          fk('case_ambassador', 'user_id', 'app_user'),
        ],
        indices: [new TableIndex({ name: 'idx_case_ambassador_user', columnNames: ['user_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'intake',
        columns: [
          id(),
          ref('case_id'),
          date('held_on'),
          text('participants'),
          text('situation'),
          text('wishes'),
          text('themes'),
          version(),
          ref('updated_by'),
          instant('updated_at'),
        ],
        foreignKeys: [
          fk('intake', 'case_id', 'case_file', 'CASCADE'),
          fk('intake', 'updated_by', 'app_user'),
        ],
        indices: [
          new TableIndex({ name: 'idx_intake_case', columnNames: ['case_id'], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'intake_revision',
        columns: [
          id(),
          ref('intake_id'),
          { name: 'version', type: 'integer' },
          text('snapshot'),
          ref('changed_by'),
          instant('changed_at'),
        ],
        foreignKeys: [
          fk('intake_revision', 'intake_id', 'intake', 'CASCADE'),
          fk('intake_revision', 'changed_by', 'app_user'),
        ],
        indices: [
          new TableIndex({
            name: 'idx_intake_revision_intake',
            columnNames: ['intake_id', 'version'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'agreement',
        columns: [
          id(),
          ref('case_id'),
          ref('team_id'),
          ref('practice_id', true),
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'cadence_kind', type: 'varchar', length: '8' },
          { name: 'cadence_every', type: 'integer', isNullable: true },
          date('start_date'),
          date('review_date', true),
          date('end_date', true),
          ref('owner_id', true),
          ref('partner_team_id', true),
          text('success_criterion'),
          { name: 'status', type: 'varchar', length: '10' },
          version(),
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [
          fk('agreement', 'case_id', 'case_file', 'CASCADE'),
          fk('agreement', 'team_id', 'org_unit'),
          fk('agreement', 'practice_id', 'practice'),
          fk('agreement', 'owner_id', 'app_user'),
          fk('agreement', 'partner_team_id', 'org_unit'),
        ],
        indices: [
          new TableIndex({ name: 'idx_agreement_case', columnNames: ['case_id'] }),
          new TableIndex({ name: 'idx_agreement_team', columnNames: ['team_id'] }),
          new TableIndex({ name: 'idx_agreement_partner', columnNames: ['partner_team_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'agreement_status_change',
        columns: [
          id(),
          ref('agreement_id'),
          { name: 'from_status', type: 'varchar', length: '10', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '10' },
          date('on_date'),
          text('reason'),
          ref('changed_by'),
          instant('changed_at'),
        ],
        foreignKeys: [
          fk('agreement_status_change', 'agreement_id', 'agreement', 'CASCADE'),
          fk('agreement_status_change', 'changed_by', 'app_user'),
        ],
        indices: [
          new TableIndex({
            name: 'idx_agreement_status_change_agreement',
            columnNames: ['agreement_id', 'on_date'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'observation',
        columns: [
          id(),
          ref('case_id'),
          date('observed_on'),
          text('text'),
          ref('author_id'),
          instant('created_at'),
        ],
        foreignKeys: [
          fk('observation', 'case_id', 'case_file', 'CASCADE'),
          fk('observation', 'author_id', 'app_user'),
        ],
        indices: [
          new TableIndex({ name: 'idx_observation_case', columnNames: ['case_id', 'observed_on'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'check_off',
        columns: [
          id(),
          ref('agreement_id'),
          { name: 'period_key', type: 'varchar', length: '10' },
          { name: 'state', type: 'varchar', length: '8' },
          text('reason', true),
          ref('user_id', true),
          date('on_date'),
          instant('at'),
        ],
        foreignKeys: [
          fk('check_off', 'agreement_id', 'agreement', 'CASCADE'),
          fk('check_off', 'user_id', 'app_user'),
        ],
        indices: [
          new TableIndex({
            name: 'idx_check_off_agreement_period',
            columnNames: ['agreement_id', 'period_key'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'check_off',
      'observation',
      'agreement_status_change',
      'agreement',
      'intake_revision',
      'intake',
      'case_ambassador',
      'case_file',
      'theme',
      'practice',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
