import { join } from 'node:path';

/** Repository root (this file lives in scripts/harness). */
export const REPO_ROOT = join(__dirname, '..', '..');

/** The package folder: what `npm pack` / `npm publish` ship (package.json, dist/; sources nodes/, credentials/, icons/). */
export const PACKAGE_ROOT = join(REPO_ROOT, 'package');

/** The npm package name; node types are `<PACKAGE_NAME>.<name>`. */
export const PACKAGE_NAME = 'n8n-nodes-ghl-tookan';
