// The repository's own code, linted by `npm run lint:repo` (part of `npm test`): the sandbox, harness, benchmarks,
// scripts and tests are ordinary Node.js code that legitimately uses process, timers, fs and child processes, so they
// get strict TypeScript rules. The package itself (package/) has its own config, n8n's default one unchanged
// (package/eslint.config.mjs, `npm run lint` = `n8n-node lint` in strict mode); this config leaves it alone.
import tseslint from 'typescript-eslint';
import js from '@eslint/js';

export default tseslint.config(
	{ ignores: ['package/**', 'dist/**', 'node_modules/**', 'coverage/**', '.artifacts/**', 'test-results/**'] },
	{
		files: ['sandbox/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.strict],
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
);
