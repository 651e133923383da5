import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Measures (issue 16): `measure` belongs to an agreement (name, unit, better direction, its own
 * cadence, an optional range, the expected result); `measure_value` holds at most one value per
 * period, keyed by the period's first day (unique per measure).
 */
export class Measures1765000000000 implements MigrationInterface {
  name = 'Measures1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'measure',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'agreement_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'unit', type: 'varchar', length: '40' },
          { name: 'better', type: 'varchar', length: '6' },
          { name: 'cadence_kind', type: 'varchar', length: '8' },
          { name: 'cadence_every', type: 'integer', isNullable: true },
          { name: 'min_value', type: 'double precision', isNullable: true },
          { name: 'max_value', type: 'double precision', isNullable: true },
          { name: 'expected_result', type: 'text' },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'created_by', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
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
      'measure',
      new TableIndex({ name: 'idx_measure_agreement', columnNames: ['agreement_id'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'measure_value',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'measure_id', type: 'varchar', length: '36' },
          { name: 'period_start', type: 'varchar', length: '10' },
          { name: 'value', type: 'double precision' },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'recorded_by', type: 'varchar', length: '36' },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          {
            columnNames: ['measure_id'],
            referencedTableName: 'measure',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createIndex(
      'measure_value',
      new TableIndex({
        name: 'uq_measure_value_period',
        columnNames: ['measure_id', 'period_start'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('measure_value');
    await queryRunner.dropTable('measure');
  }
}
