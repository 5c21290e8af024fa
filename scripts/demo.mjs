#!/usr/bin/env node
// `npm start`: the demo on a fresh clone. Installs what it needs (same bootstrap as `npm test`), builds,
// then starts the sandbox (if present) and real n8n with this package installed, and prints the editor
// URL and login. `npm start -- --once` smoke-checks and exits.
import { join } from 'node:path';
import { bootstrap, ROOT, runOrExit } from './bootstrap.mjs';

bootstrap();
runOrExit('npm', ['run', 'build']);
runOrExit(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'harness', 'demo.ts'), ...process.argv.slice(2)]);
