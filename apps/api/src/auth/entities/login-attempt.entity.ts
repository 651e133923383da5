import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A failed sign-in, counted per account and per IP for the login rate limit. */
@Entity({ name: 'login_failure' })
@Index('idx_login_failure_key_at', ['key', 'at'])
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `email:<address>` or `ip:<address>`. */
  @Column({ type: 'varchar', length: 400 })
  key!: string;

  @Column({ type: 'varchar', length: 24 })
  at!: string;
}
