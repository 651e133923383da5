import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One engagement of ambassador(s) with one team. (`case` is an SQL keyword: the table is case_file.) */
@Entity({ name: 'case_file' })
export class CaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'team_id', type: 'varchar', length: 36 }) teamId!: string;
  @Column({ type: 'varchar', length: 8 }) status!: 'open' | 'closed';
  @Column({ name: 'opened_on', type: 'varchar', length: 10 }) openedOn!: string;
  @Column({ name: 'closed_on', type: 'varchar', length: 10, nullable: true }) closedOn!:
    string | null;
  @Column({ name: 'closing_summary', type: 'text', nullable: true }) closingSummary!: string | null;
  @Column({ name: 'opened_by', type: 'varchar', length: 36 }) openedBy!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24 }) updatedAt!: string;
  /** The team's case closed before this one was opened (migration 1764900442100). */
  @Column({ name: 'previous_case_id', type: 'varchar', length: 36, nullable: true })
  previousCaseId?: string | null;
}

/** A closed case opened again: why, by whom, and the closing it undid. */
@Entity({ name: 'case_reopening' })
export class CaseReopeningEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'closed_on', type: 'varchar', length: 10 }) closedOn!: string;
  @Column({ name: 'closing_summary', type: 'text', nullable: true }) closingSummary!: string | null;
  @Column({ name: 'reopened_on', type: 'varchar', length: 10 }) reopenedOn!: string;
  @Column({ name: 'reopened_by', type: 'varchar', length: 36 }) reopenedBy!: string;
  @Column({ name: 'reopened_at', type: 'varchar', length: 24 }) reopenedAt!: string;
}

@Entity({ name: 'case_ambassador' })
export class CaseAmbassadorEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
}

@Entity({ name: 'intake' })
export class IntakeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ name: 'held_on', type: 'varchar', length: 10 }) heldOn!: string;
  @Column({ type: 'text' }) participants!: string;
  /** Private note: only the case's ambassadors and admins read it, and every read is audited. */
  @Column({ type: 'text' }) situation!: string;
  @Column({ type: 'text' }) wishes!: string;
  /** JSON array of theme names. */
  @Column({ type: 'text' }) themes!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'updated_by', type: 'varchar', length: 36 }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24 }) updatedAt!: string;
}

@Entity({ name: 'intake_revision' })
export class IntakeRevisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'intake_id', type: 'varchar', length: 36 }) intakeId!: string;
  @Column({ type: 'integer' }) version!: number;
  /** JSON of the intake as it was before this edit. */
  @Column({ type: 'text' }) snapshot!: string;
  @Column({ name: 'changed_by', type: 'varchar', length: 36 }) changedBy!: string;
  @Column({ name: 'changed_at', type: 'varchar', length: 24 }) changedAt!: string;
}

@Entity({ name: 'observation' })
export class ObservationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ name: 'observed_on', type: 'varchar', length: 10 }) observedOn!: string;
  /** Private note, like the intake's situation. */
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'author_id', type: 'varchar', length: 36 }) authorId!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
}
