import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One meeting of a forum: planned, then held; its minutes are shared with the forum's members. */
@Entity({ name: 'forum_meeting' })
export class ForumMeetingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'forum_id', type: 'varchar', length: 36 }) forumId!: string;
  @Column({ name: 'on_date', type: 'varchar', length: 10 }) onDate!: string;
  @Column({ type: 'text' }) minutes!: string;
  @Column({ type: 'text' }) tips!: string;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 24 }) updatedAt!: string;
}
