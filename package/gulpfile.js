// Copies every icon the nodes and credentials use into dist/, keeping relative paths,
// so `file:../../icons/x.svg` references resolve the same way from the compiled files; and the repository's
// README.md and LICENSE into this folder, where npm packs them from (git keeps them once, at the repository root).
const { src, dest, parallel } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function copyReadmeAndLicense() {
	return src(['../README.md', '../LICENSE'], { encoding: false }).pipe(dest('.'));
}

exports['build:icons'] = buildIcons;
exports.build = parallel(buildIcons, copyReadmeAndLicense);
