export * from './lib/org-tree';
export * from './lib/dates';
export * from './lib/periods';
export * from './lib/habit';
export * from './lib/stage';
export * from './lib/board';
