import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** BIO2 fields: actor, action, object, result, origin, time. Append-only through the app. */
@Entity({ name: 'audit_event' })
@Index('idx_audit_event_at', ['at'])
@Index('idx_audit_event_actor_at', ['actorId', 'at'])
@Index('idx_audit_event_action_at', ['action', 'at'])
@Index('idx_audit_event_object', ['objectType', 'objectId', 'at'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  at!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'object_type', type: 'varchar', length: 32, nullable: true })
  objectType!: string | null;

  @Column({ name: 'object_id', type: 'varchar', length: 36, nullable: true })
  objectId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  result!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  origin!: string | null;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}
