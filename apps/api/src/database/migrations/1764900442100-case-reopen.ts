import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Closed cases come back (issue 14): `case_reopening` keeps each reopening with its reason, who
 * and when, and the closing it undid (date and summary) so the timeline still shows it;
 * `case_file.previous_case_id` links a team's new case to the one closed before it.
 */
export class CaseReopen1764900442100 implements MigrationInterface {
  name = 'CaseReopen1764900442100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE case_file ADD COLUMN previous_case_id varchar(36) NULL');
    await queryRunner.createTable(
      new Table({
        name: 'case_reopening',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'reason', type: 'text' },
          { name: 'closed_on', type: 'varchar', length: '10' },
          { name: 'closing_summary', type: 'text', isNullable: true },
          { name: 'reopened_on', type: 'varchar', length: '10' },
          { name: 'reopened_by', type: 'varchar', length: '36' },
          { name: 'reopened_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'case_file',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createIndex(
      'case_reopening',
      new TableIndex({ name: 'idx_case_reopening_case', columnNames: ['case_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('case_reopening');
    await queryRunner.query('ALTER TABLE case_file DROP COLUMN previous_case_id');
  }
}
