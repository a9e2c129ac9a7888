/** Folders that hold one build format of a package's modules: `lib/cjs/`, `dist/esm/`, `es/`, `umd/`. */
const FORMAT_FOLDER = /^(?:cjs|commonjs|esm|es|es6|es2015|esnext|mjs|module|umd|amd)$/;
const JAVASCRIPT_EXTENSION = /\.[cm]?js$/;
const TYPESCRIPT_EXTENSION = /\.[cm]?ts$/;

/** A file's path with its format folders and its module-format extension left out. */
function formatlessPath(file: string): string {
  const segments = file.split('/');
  const last = segments.length - 1;
  segments[last] = segments[last]!.replace(JAVASCRIPT_EXTENSION, '.js').replace(TYPESCRIPT_EXTENSION, '.ts');
  return segments.map((segment, i) => (i < last && FORMAT_FOLDER.test(segment) ? '*' : segment)).join('/');
}

/**
 * Two files that are one module in two module formats, side by side: `lib/cjs/index.js` and `lib/esm/index.js`,
 * `index.js` and `index.mjs`. Their copies are one another by design (built from one source, or kept in step by
 * hand, as in socket.io's component-emitter): only a copy that diverges is news.
 */
export function areFormatTwins(a: string, b: string): boolean {
  return a !== b && formatlessPath(a) === formatlessPath(b);
}
