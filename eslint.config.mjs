// Two rule sets, one file:
// - nodes/, credentials/ and package.json get the n8n CLI's community config unchanged
//   (the same rules @n8n/scan-community-package applies; `npm run lint:scan` runs the scanner's own config).
// - the rest of the tree (sandbox, harness, tests, scripts) is ordinary Node.js code that legitimately
//   uses process, timers, fs and child processes: it gets strict TypeScript rules instead.
import { config as n8nCommunityConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';
import js from '@eslint/js';

const packageCode = ['nodes/**/*.ts', 'credentials/**/*.ts'];

const scopedCommunityConfig = n8nCommunityConfig.map((block) =>
	Array.isArray(block.files) && block.files.length === 1 && block.files[0] === '**/*.ts'
		? { ...block, files: packageCode }
		: block,
);

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.artifacts/**'] },
	...scopedCommunityConfig,
	{
		files: ['sandbox/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.strict],
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
);
