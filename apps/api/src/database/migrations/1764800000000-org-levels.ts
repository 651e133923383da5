import { DEFAULT_ORG_LEVELS } from '@olievlek/domain';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The organisation names its levels (issue 17, ADR 0007 step 1): `org_level`, seeded with today's
 * three levels below the organisation (Directie, Afdeling, Team; the department level is 2).
 */
export class OrgLevels1764800000000 implements MigrationInterface {
  name = 'OrgLevels1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'org_level',
        columns: [
          { name: 'depth', type: 'integer', isPrimary: true },
          { name: 'name_nl', type: 'varchar', length: '60' },
          { name: 'name_en', type: 'varchar', length: '60' },
          { name: 'is_department_level', type: 'boolean', default: false },
        ],
      }),
    );
    // Plain SQL with the driver's placeholders: a migration must not depend on today's entities.
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const params = postgres ? '$1, $2, $3, $4' : '?, ?, ?, ?';
    const { names, departmentLevel } = DEFAULT_ORG_LEVELS;
    for (const [i, name] of names.entries()) {
      const isDepartment = i + 1 === departmentLevel;
      await queryRunner.query(
        `INSERT INTO org_level (depth, name_nl, name_en, is_department_level) VALUES (${params})`,
        [i + 1, name.nl, name.en, postgres ? isDepartment : isDepartment ? 1 : 0],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('org_level');
  }
}
