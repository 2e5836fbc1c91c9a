#!/usr/bin/env node
// Compiles services, libs and bench to dist/ with swc (type-checking is `npm run typecheck`).
// swc rewrites the @ttkt/* path aliases to relative requires, so dist/ runs with plain node.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const swc = path.join(root, 'node_modules', '.bin', 'swc');
execFileSync(
  swc,
  [
    'services',
    'libs',
    'bench',
    '-d',
    'dist',
    '--quiet',
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts',
  ],
  { cwd: root, stdio: 'inherit' },
);
