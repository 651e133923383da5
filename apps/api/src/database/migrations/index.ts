import { Foundation1764000000000 } from './1764000000000-foundation';
import { CaseFlow1764100000000 } from './1764100000000-case-flow';
import { SeedCatalogue1764100000001 } from './1764100000001-seed-catalogue';
import { Board1764200000000 } from './1764200000000-board';
import { Privacy1764350000000 } from './1764350000000-privacy';
import { AuditIndexes1764360000000 } from './1764360000000-audit-indexes';
import { SpreadLinks1764400000000 } from './1764400000000-spread-links';
import { TeamTimeline1764450000000 } from './1764450000000-team-timeline';
import { Mail1764500000000 } from './1764500000000-mail';
import { Import1764510000000 } from './1764510000000-import';
import { Sso1764520000000 } from './1764520000000-sso';
import { AgreementLastCheckOff1764530000000 } from './1764530000000-agreement-last-check-off';
import { LoginThrottle1764600000000 } from './1764600000000-login-throttle';
import { Forums1764700000000 } from './1764700000000-forums';
import { OrgLevels1764800000000 } from './1764800000000-org-levels';
import { ServerSecret1764900000000 } from './1764900000000-server-secret';
import { AgreementEdits1764900442000 } from './1764900442000-agreement-edits';
import { CaseReopen1764900442100 } from './1764900442100-case-reopen';
import { Measures1765000000000 } from './1765000000000-measures';

/** Every migration, oldest first. Listed explicitly so the bundled API finds them. */
export const MIGRATIONS = [
  Foundation1764000000000,
  CaseFlow1764100000000,
  SeedCatalogue1764100000001,
  Board1764200000000,
  Privacy1764350000000,
  AuditIndexes1764360000000,
  SpreadLinks1764400000000,
  TeamTimeline1764450000000,
  Mail1764500000000,
  Import1764510000000,
  Sso1764520000000,
  AgreementLastCheckOff1764530000000,
  LoginThrottle1764600000000,
  Forums1764700000000,
  OrgLevels1764800000000,
  ServerSecret1764900000000,
  AgreementEdits1764900442000,
  CaseReopen1764900442100,
  Measures1765000000000,
];
