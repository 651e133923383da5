import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * The organisation import: an optional code per unit (HR's team or cost-centre code), so a team
 * that HR renamed or moved is still recognised by the next import and keeps its history.
 * The import keeps codes unique; the index serves the lookup.
 */
export class Import1764510000000 implements MigrationInterface {
  name = 'Import1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'org_unit',
      new TableColumn({ name: 'code', type: 'varchar', length: '64', isNullable: true }),
    );
    await queryRunner.createIndex(
      'org_unit',
      new TableIndex({ name: 'idx_org_unit_code', columnNames: ['code'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('org_unit', 'idx_org_unit_code');
    await queryRunner.dropColumn('org_unit', 'code');
  }
}
