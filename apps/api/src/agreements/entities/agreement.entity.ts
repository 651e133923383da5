import type { AgreementStatus } from '@olievlek/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agreed improvement step (verbeterstap) of a case's team, optionally with a partner team. */
@Entity({ name: 'agreement' })
export class AgreementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ name: 'team_id', type: 'varchar', length: 36 }) teamId!: string;
  @Column({ name: 'practice_id', type: 'varchar', length: 36, nullable: true }) practiceId!:
    string | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ name: 'cadence_kind', type: 'varchar', length: 8 }) cadenceKind!:
    'once' | 'weeks' | 'monthly';
  @Column({ name: 'cadence_every', type: 'integer', nullable: true }) cadenceEvery!: number | null;
  @Column({ name: 'start_date', type: 'varchar', length: 10 }) startDate!: string;
  @Column({ name: 'review_date', type: 'varchar', length: 10, nullable: true }) reviewDate!:
    string | null;
  @Column({ name: 'end_date', type: 'varchar', length: 10, nullable: true }) endDate!:
    string | null;
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true }) ownerId!:
    string | null;
  @Column({ name: 'partner_team_id', type: 'varchar', length: 36, nullable: true }) partnerTeamId!:
    string | null;
  @Column({ name: 'success_criterion', type: 'text' }) successCriterion!: string;
  @Column({ type: 'varchar', length: 10 }) status!: AgreementStatus;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24 }) updatedAt!: string;
  /** The latest check-off's instant, kept on write (migration 1764530000000). */
  @Column({ name: 'last_check_off_at', type: 'varchar', length: 24, nullable: true })
  lastCheckOffAt?: string | null;
  /** The cadences before a change, as JSON `EarlierCadence[]` (migration 1764900442000). */
  @Column({ name: 'cadence_earlier', type: 'text', nullable: true }) cadenceEarlier?: string | null;
}

/** Who changed which fields of a step, when (issue 14): an entry on the case timeline. */
@Entity({ name: 'agreement_edit' })
export class AgreementEditEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'agreement_id', type: 'varchar', length: 36 }) agreementId!: string;
  /** The changed fields, comma-separated, in the order of `AGREEMENT_EDIT_FIELDS`. */
  @Column({ type: 'varchar', length: 200 }) fields!: string;
  @Column({ name: 'on_date', type: 'varchar', length: 10 }) onDate!: string;
  @Column({ name: 'changed_by', type: 'varchar', length: 36 }) changedBy!: string;
  @Column({ name: 'changed_at', type: 'varchar', length: 24 }) changedAt!: string;
}

@Entity({ name: 'agreement_status_change' })
export class AgreementStatusChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'agreement_id', type: 'varchar', length: 36 }) agreementId!: string;
  @Column({ name: 'from_status', type: 'varchar', length: 10, nullable: true })
  fromStatus!: AgreementStatus | null;
  @Column({ name: 'to_status', type: 'varchar', length: 10 }) toStatus!: AgreementStatus;
  @Column({ name: 'on_date', type: 'varchar', length: 10 }) onDate!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'changed_by', type: 'varchar', length: 36 }) changedBy!: string;
  @Column({ name: 'changed_at', type: 'varchar', length: 24 }) changedAt!: string;
}

/** One occurrence of an agreement: (agreement, period) is unique. */
@Entity({ name: 'check_off' })
export class CheckOffEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'agreement_id', type: 'varchar', length: 36 }) agreementId!: string;
  @Column({ name: 'period_key', type: 'varchar', length: 10 }) periodKey!: string;
  @Column({ type: 'varchar', length: 8 }) state!: 'done' | 'skipped';
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true }) userId!: string | null;
  @Column({ name: 'on_date', type: 'varchar', length: 10 }) onDate!: string;
  @Column({ type: 'varchar', length: 24 }) at!: string;
}
