// ESLint flat config. TypeScript is linted with type information (typescript-eslint's
// recommendedTypeChecked through the project service, i.e. tsconfig.json); plain JavaScript
// (scripts/, Jest's globalSetup, config files) with the core recommended rules for Node CommonJS.
// Library boundaries are also checked by dependency-cruiser (.dependency-cruiser.cjs).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const LIBRARIES = ['blob-store', 'contracts', 'event-store', 'messaging', 'testing'];

/** Node's CommonJS globals (kept here rather than depending on the `globals` package). */
const nodeCommonJsGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'AbortController',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
);

/** Deep imports into a library: only `@ttkt/<name>` (its `src/index.ts`) is public. */
const deepLibraryImport = {
  group: ['@ttkt/*/*'],
  message: 'Import a library through its entry point (`@ttkt/<name>`), not its files.',
};

/** A relative path that climbs into `libs/` (from a service, or from another library). */
const relativeIntoLibs = {
  regex: `^(\\.\\.?/)+(.*/)?libs/(${LIBRARIES.join('|')})(/|$)`,
  message: 'Import a library through its alias (`@ttkt/<name>`), never by a relative path.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'bench/results/**',
      '**/*.d.ts.map',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Plain JavaScript: scripts/*.js, libs/testing/src/*.js (Jest globalSetup), config files.
  {
    files: ['**/*.js', '**/*.cjs'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'commonjs',
      globals: nodeCommonJsGlobals,
    },
  },
  {
    files: ['**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },

  // TypeScript, type-checked.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: [deepLibraryImport] }],
    },
  },
  {
    // Services and libraries reach libraries only through their aliases.
    files: ['services/**/*.ts', 'libs/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepLibraryImport, relativeIntoLibs] }],
    },
  },
  {
    // Tests pass methods to `expect` and assert what they just checked. Support code in a
    // service's or library's test/ folder counts as test code.
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '{libs,services}/*/test/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // Last: turn off every rule that Prettier's formatting would fight.
  prettier,
);
