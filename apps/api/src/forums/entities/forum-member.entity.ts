import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A team's membership of a forum, with its key user. Leaving sets `left_on` and keeps the row,
 * so the team's attendance history stays; a team may rejoin (a new row).
 */
@Entity({ name: 'forum_member' })
export class ForumMemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'forum_id', type: 'varchar', length: 36 }) forumId!: string;
  @Column({ name: 'team_id', type: 'varchar', length: 36 }) teamId!: string;
  @Column({ name: 'key_user_id', type: 'varchar', length: 36, nullable: true }) keyUserId!:
    string | null;
  @Column({ name: 'joined_on', type: 'varchar', length: 10 }) joinedOn!: string;
  @Column({ name: 'left_on', type: 'varchar', length: 10, nullable: true }) leftOn!: string | null;
  @Column({ name: 'created_at', type: 'varchar', length: 24 }) createdAt!: string;
}
