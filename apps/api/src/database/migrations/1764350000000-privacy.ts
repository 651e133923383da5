import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * AVG erasure: `app_user.anonymised_at` marks an anonymised person, so the account cannot be
 * edited back into use and a second anonymisation is refused. Plain ALTER TABLE: SQLite and
 * PostgreSQL both add (and drop) a nullable column in place, without copying the table.
 */
export class Privacy1764350000000 implements MigrationInterface {
  name = 'Privacy1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE app_user ADD COLUMN anonymised_at varchar(24) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE app_user DROP COLUMN anonymised_at');
  }
}
