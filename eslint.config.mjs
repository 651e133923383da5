import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.angular',
      '**/test-results',
      '**/playwright-report',
      'data/**',
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      // The architecture in one rule: web may use shared and domain, never api;
      // domain uses only shared; shared uses nothing of ours. No wildcard constraint.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'type:domain'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'type:domain'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'type:domain'] },
          ],
        },
      ],
    },
  },
];
