import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A person's identity at the SSO provider (`iss` + `sub` of the ID token), linked to their
 * Olievlek account at their first SSO sign-in. Later sign-ins find the account by this pair, so a
 * changed e-mail address at the provider does not lose the account.
 */
@Entity({ name: 'user_identity' })
@Index('uq_user_identity_subject', ['issuer', 'subject'], { unique: true })
@Index('idx_user_identity_user', ['userId'])
export class UserIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 500 })
  issuer!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ name: 'last_sign_in_at', type: 'varchar', length: 24 })
  lastSignInAt!: string;
}
