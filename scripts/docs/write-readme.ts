/** `npm run docs`: regenerates the generated sections of README.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { withCatalogue } from './catalogue';

const file = join(__dirname, '..', '..', 'README.md');
const before = readFileSync(file, 'utf8');
const after = withCatalogue(before);
writeFileSync(file, after);
process.stdout.write(before === after ? 'README.md catalogue already up to date\n' : 'README.md catalogue updated\n');
