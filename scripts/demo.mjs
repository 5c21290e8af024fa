#!/usr/bin/env node
// `npm start`: the demo on a fresh clone. Installs what it needs (same bootstrap as `npm test`), builds,
// then starts the sandbox with seed data and real n8n with this package installed, imports and publishes
// the workflows/ templates, fires sample events and prints what happened and where to look
// (scripts/harness/demo.ts). `npm start -- --once` does the same and exits: 0 when every flow worked.
import { join } from 'node:path';
import { bootstrap, ROOT, runOrExit } from './bootstrap.mjs';

bootstrap();
runOrExit('npm', ['run', 'build']);
runOrExit(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'harness', 'demo.ts'), ...process.argv.slice(2)]);
