import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's choice for one mail kind; no row means the mail is on. */
@Entity({ name: 'mail_preference' })
export class MailPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt!: string;
}

/** The job for one mail kind fired for one period (ISO week or month). */
@Entity({ name: 'mail_run' })
export class MailRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  period!: string;

  @Column({ name: 'started_at', type: 'varchar', length: 24 })
  startedAt!: string;

  /** Set once every recipient's mail was sent (or needed none); until then the retry job resumes it. */
  @Column({ name: 'completed_at', type: 'varchar', length: 24, nullable: true })
  completedAt!: string | null;
}

export type MailDeliveryStatus = 'sending' | 'sent' | 'failed' | 'skipped';

/** One mail to one person for one period: claimed (primary key) before it is sent. */
@Entity({ name: 'mail_delivery' })
export class MailDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  period!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: MailDeliveryStatus;

  @Column({ type: 'integer', default: 1 })
  attempts!: number;

  @Column({ name: 'claimed_by', type: 'varchar', length: 64 })
  claimedBy!: string;

  @Column({ name: 'claimed_at', type: 'varchar', length: 24 })
  claimedAt!: string;

  @Column({ name: 'sent_at', type: 'varchar', length: 24, nullable: true })
  sentAt!: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId!: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;
}
