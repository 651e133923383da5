export * from './lib/org-tree';
