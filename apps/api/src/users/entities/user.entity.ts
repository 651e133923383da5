import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'app_user' })
@Index('idx_app_user_email', ['email'], { unique: true })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Stored lower-case: e-mail addresses are compared case-insensitively. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  /** Comma-separated roles, e.g. `admin,ambassador`. */
  @Column({ type: 'varchar', length: 100 })
  roles!: string;

  @Column({ type: 'varchar', length: 2, default: 'nl' })
  locale!: string;

  @Column({ name: 'scope_org_unit_id', type: 'varchar', length: 36, nullable: true })
  scopeOrgUnitId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Set when the person was anonymised (AVG erasure): name and e-mail are placeholders since. */
  @Column({ name: 'anonymised_at', type: 'varchar', length: 24, nullable: true })
  anonymisedAt!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt!: string;
}
