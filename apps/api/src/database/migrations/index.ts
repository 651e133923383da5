import { Foundation1764000000000 } from './1764000000000-foundation';

/** Every migration, oldest first. Listed explicitly so the bundled API finds them. */
export const MIGRATIONS = [Foundation1764000000000];
