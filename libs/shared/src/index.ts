export * from './lib/roles';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/org-units';
export * from './lib/users';
export * from './lib/routes';
export * from './lib/cases';
export * from './lib/board';
