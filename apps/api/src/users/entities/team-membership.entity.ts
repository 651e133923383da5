import { Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'team_membership' })
@Index('idx_team_membership_team', ['orgUnitId'])
export class TeamMembershipEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ name: 'org_unit_id', type: 'varchar', length: 36 })
  orgUnitId!: string;
}
