import type { AttendanceMark } from '@olievlek/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member team's mark at one meeting: per team, never a score of a person. */
@Entity({ name: 'forum_attendance' })
export class ForumAttendanceEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'varchar', length: 36 }) meetingId!: string;
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 }) teamId!: string;
  @Column({ type: 'varchar', length: 10 }) mark!: AttendanceMark;
  @Column({ name: 'recorded_by', type: 'varchar', length: 36 }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'varchar', length: 24 }) recordedAt!: string;
}
