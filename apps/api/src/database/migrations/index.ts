import { Foundation1764000000000 } from './1764000000000-foundation';
import { CaseFlow1764100000000 } from './1764100000000-case-flow';
import { SeedCatalogue1764100000001 } from './1764100000001-seed-catalogue';
import { Board1764200000000 } from './1764200000000-board';
import { Privacy1764350000000 } from './1764350000000-privacy';
import { AuditIndexes1764360000000 } from './1764360000000-audit-indexes';
import { SpreadLinks1764400000000 } from './1764400000000-spread-links';

/** Every migration, oldest first. Listed explicitly so the bundled API finds them. */
export const MIGRATIONS = [
  Foundation1764000000000,
  CaseFlow1764100000000,
  SeedCatalogue1764100000001,
  Board1764200000000,
  Privacy1764350000000,
  AuditIndexes1764360000000,
  SpreadLinks1764400000000,
];
