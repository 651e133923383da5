import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Editing an agreed step (issue 14): `agreement.cadence_earlier` keeps the cadences a step had
 * before a cadence change (JSON, `withCadenceChange` in libs/domain), so past check-offs keep
 * their periods; `agreement_edit` keeps who changed which fields when, for the case timeline.
 */
export class AgreementEdits1764900442000 implements MigrationInterface {
  name = 'AgreementEdits1764900442000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agreement ADD COLUMN cadence_earlier text NULL');
    await queryRunner.createTable(
      new Table({
        name: 'agreement_edit',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'agreement_id', type: 'varchar', length: '36' },
          { name: 'fields', type: 'varchar', length: '200' },
          { name: 'on_date', type: 'varchar', length: '10' },
          { name: 'changed_by', type: 'varchar', length: '36' },
          { name: 'changed_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          {
            columnNames: ['agreement_id'],
            referencedTableName: 'agreement',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createIndex(
      'agreement_edit',
      new TableIndex({ name: 'idx_agreement_edit_agreement', columnNames: ['agreement_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agreement_edit');
    await queryRunner.query('ALTER TABLE agreement DROP COLUMN cadence_earlier');
  }
}
