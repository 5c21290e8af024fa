// Copies every icon the nodes and credentials use into dist/, keeping relative paths,
// so `file:../../icons/x.svg` references resolve the same way from the compiled files.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
