import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { LoginFailureEntity } from '../auth/entities/login-attempt.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { UserIdentityEntity } from '../auth/entities/user-identity.entity';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import { UserEntity } from '../users/entities/user.entity';
import { MIGRATIONS } from './migrations';
import { OrgLevelEntity } from '../org-levels/entities/org-level.entity';
import { ForumAttendanceEntity } from '../forums/entities/forum-attendance.entity';
import { ForumEntity } from '../forums/entities/forum.entity';
import { ForumMeetingEntity } from '../forums/entities/forum-meeting.entity';
import { ForumMemberEntity } from '../forums/entities/forum-member.entity';
import {
  MailDeliveryEntity,
  MailPreferenceEntity,
  MailRunEntity,
} from '../mail/entities/mail.entities';
import { SpreadLinkEntity } from '../spread-links/entities/spread-link.entity';
import {
  TeamStageSpanEntity,
  TeamTimelineChangeEntity,
  TeamTimelineEntity,
} from '../olievlek/entities/team-timeline.entity';
import {
  PulseAnswerEntity,
  PulseQuestionEntity,
  PulseResponseEntity,
  PulseRoundEntity,
  ReflectionEntity,
} from '../board/entities/board.entities';
import { PracticeEntity, ThemeEntity } from '../catalogue/entities/practice.entity';
import {
  CaseAmbassadorEntity,
  CaseReopeningEntity,
  CaseEntity,
  IntakeEntity,
  IntakeRevisionEntity,
  ObservationEntity,
} from '../cases/entities/case.entity';
import {
  AgreementEntity,
  AgreementStatusChangeEntity,
  AgreementEditEntity,
  CheckOffEntity,
} from '../agreements/entities/agreement.entity';
import { MeasureEntity, MeasureValueEntity } from '../measures/entities/measure.entity';

export const ENTITIES = [
  OrgLevelEntity,
  ForumEntity,
  ForumMemberEntity,
  ForumMeetingEntity,
  ForumAttendanceEntity,
  OrgUnitEntity,
  UserEntity,
  TeamMembershipEntity,
  SessionEntity,
  UserIdentityEntity,
  LoginFailureEntity,
  AuditEventEntity,
  PracticeEntity,
  ThemeEntity,
  CaseEntity,
  CaseAmbassadorEntity,
  CaseReopeningEntity,
  IntakeEntity,
  IntakeRevisionEntity,
  ObservationEntity,
  AgreementEntity,
  AgreementStatusChangeEntity,
  AgreementEditEntity,
  CheckOffEntity,
  ReflectionEntity,
  PulseQuestionEntity,
  PulseRoundEntity,
  PulseResponseEntity,
  PulseAnswerEntity,
  SpreadLinkEntity,
  TeamStageSpanEntity,
  TeamTimelineEntity,
  TeamTimelineChangeEntity,
  MailPreferenceEntity,
  MailRunEntity,
  MailDeliveryEntity,
  MeasureEntity,
  MeasureValueEntity,
];

/** Schema changes only through migrations: `synchronize` stays off everywhere. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.type === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      timeout: 10000,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        // WAL + FULL: an acknowledged write survives a crash of the process or the machine.
        db.pragma('synchronous = FULL');
        db.pragma('foreign_keys = ON');
      },
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsRun: true,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: ['error'],
    };
  }
  return {
    type: 'postgres',
    url: database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: 10 },
  };
}
