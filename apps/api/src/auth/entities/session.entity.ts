import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Server-side session: the cookie holds a random token, the table only its SHA-256. */
@Entity({ name: 'session' })
@Index('idx_session_user', ['userId'])
export class SessionEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ name: 'last_seen_at', type: 'varchar', length: 24 })
  lastSeenAt!: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 24 })
  expiresAt!: string;
}
