import { MigrationInterface, QueryRunner } from 'typeorm';

/** `UPDATE` that sets every agreement's `last_check_off_at` from its check-offs (both databases). */
export const BACKFILL_LAST_CHECK_OFF_AT = `UPDATE agreement SET last_check_off_at =
  (SELECT MAX(c.at) FROM check_off c WHERE c.agreement_id = agreement.id)`;

/**
 * `agreement.last_check_off_at`: the instant of the agreement's latest check-off, kept on write
 * (a tick sets it, an untick recomputes it). Lists of cases show each case's latest activity;
 * reading it from the check-offs meant reading every check-off (issue 19: ~6 s at city scale).
 * Plain ALTER TABLE (in place on both databases), then filled from the existing check-offs.
 */
export class AgreementLastCheckOff1764530000000 implements MigrationInterface {
  name = 'AgreementLastCheckOff1764530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agreement ADD COLUMN last_check_off_at varchar(24) NULL');
    await queryRunner.query(BACKFILL_LAST_CHECK_OFF_AT);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agreement DROP COLUMN last_check_off_at');
  }
}
