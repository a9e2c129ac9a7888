import path from 'node:path';

/** Vue, Svelte and Astro components count for their scripts (see `componentScriptText`). */
export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'vue', 'svelte', 'astro'] as const;

/** Folders that never hold the project's own source (`flow-typed/`: Flow's library definitions). */
export const ALWAYS_IGNORED_DIRS = ['node_modules', 'dist', 'build', 'coverage', '.git', 'flow-typed'] as const;

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?|vue|svelte|astro)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$|\.d\.[^.]+\.ts$/;
const GENERATED_NAME = /\.min\.[cm]?js$|[.-]generated\.[cm]?[jt]sx?$|\.gen\.[cm]?[jt]sx?$/;

export function isAnalyzableName(file: string): boolean {
  return SOURCE_FILE.test(file) && !DECLARATION_FILE.test(file) && !GENERATED_NAME.test(file);
}

/** Path relative to `from`, with forward slashes: the `file` of findings. */
export function toRelative(from: string, absolute: string): string {
  return path.relative(from, absolute).split(path.sep).join('/');
}
