import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sign-in attempt that counts against the limits: reserved before the password is checked,
 * kept when the password was wrong, removed when it was right (auth/login-throttle.ts).
 */
@Entity({ name: 'login_failure' })
@Index('idx_login_failure_key_at', ['key', 'at'])
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `email:<address>` (with `origin`: per account and address) or `ip:<address>`. */
  @Column({ type: 'varchar', length: 400 })
  key!: string;

  /** The client address of an `email:` attempt; null on `ip:` rows and on rows from before. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  origin!: string | null;

  @Column({ type: 'varchar', length: 24 })
  at!: string;
}
