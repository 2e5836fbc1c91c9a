// Architecture rules, checked in CI by `npm run lint`:
//   depcruise --config .dependency-cruiser.cjs services libs
// Type-only imports count (tsPreCompilationDeps), so a rule cannot be dodged with `import type`.
// ESLint's no-restricted-imports covers the other half: libraries are reached only through their
// `@ttkt/<name>` aliases, never by deep or relative paths.

/** Test code: specs of every kind, test/ folders (support code), the testing library, tests/. */
const TEST_CODE = [
  '\\.(spec|int-spec|e2e-spec)\\.ts$',
  '^(services|libs)/[^/]+/test/',
  '^libs/testing/',
  '^tests/',
];

/** Infrastructure that pure domain code (deciders, state, evolve) must not know about. */
const INFRASTRUCTURE =
  '(^|/)node_modules/(@nestjs/|typeorm/|pg/|pg-[^/]+/|amqplib/|amqp-connection-manager/|@types/(pg|amqplib)/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle of runtime imports makes module loading order matter (undefined at import time) ' +
        'and blurs boundaries.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-through-types',
      severity: 'warn',
      comment:
        'A cycle closed only by `import type` costs nothing at run time, but usually means a type ' +
        'lives in the wrong file. Reported, not fatal.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'services-not-to-other-services',
      severity: 'error',
      comment:
        'A service is an autonomous unit: it learns about others through @ttkt/contracts events ' +
        'and RPC, never by importing their code. (The all-in-one launcher has its own rule.)',
      from: { path: '^services/([^/]+)/', pathNot: '^services/all-in-one/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'all-in-one-only-to-service-entry-files',
      severity: 'error',
      comment:
        'The launcher runs every service in one process. It may import the files at the top of a ' +
        "service's src/ folder (its Nest module and start function), never the slices inside, " +
        'and never main.ts (which boots the service as its own process).',
      from: { path: '^services/all-in-one/' },
      to: {
        path: '^services/(?!all-in-one/)',
        pathNot: '^services/[^/]+/src/(?!main\\.ts$)[^/]+\\.ts$',
      },
    },
    {
      name: 'libs-not-to-services',
      severity: 'error',
      comment: 'Libraries are shared by services, so they cannot depend on any of them.',
      from: { path: '^libs/' },
      to: { path: '^services/' },
    },
    {
      name: 'contracts-import-only-validation',
      severity: 'error',
      comment:
        'libs/contracts is the published language: data classes with validation rules. It ' +
        'imports its own files, class-validator and class-transformer (with reflect-metadata, the ' +
        'polyfill their decorators need), and nothing else.',
      from: { path: '^libs/contracts/' },
      to: {
        pathNot: [
          '^libs/contracts/',
          '(^|/)node_modules/class-validator/',
          '(^|/)node_modules/class-transformer/',
          '(^|/)node_modules/reflect-metadata/',
        ],
      },
    },
    {
      name: 'pure-domain-code-without-infrastructure',
      severity: 'error',
      comment:
        'Deciders and state (decide/evolve) are pure functions tested in milliseconds: no Nest, ' +
        'TypeORM, pg or AMQP in *.decide.ts, *.state.ts or decider.ts.',
      from: { path: '(\\.decide\\.ts|\\.state\\.ts|/decider\\.ts)$' },
      to: { path: INFRASTRUCTURE },
    },
    {
      name: 'production-code-not-to-test-code',
      severity: 'error',
      comment: 'Services and libraries do not ship test helpers or specs.',
      from: { path: '^(services|libs)/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'production-code-not-to-dev-dependencies',
      severity: 'error',
      comment:
        'A devDependency is not installed in the production image (npm ci --omit=dev); ' +
        'declare it in dependencies or keep it in tests.',
      from: { path: '^(services|libs)/', pathNot: TEST_CODE },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
