import type { AnalysisResult, AnalyzeOptions } from './analyzer.js';
import { plugin } from './eslint/plugin.js';

/** The ESLint plugin: `import ssot from 'eslint-plugin-ssot'; export default [ssot.configs.recommended];` */
export default plugin;

/** Also as named exports, for tools that load the package with require() (Node's require(esm) yields the namespace). */
export const { meta, rules, configs } = plugin;

/**
 * The analyzer behind the CLI: findings of the three checks over a project. Loaded on first use, so that
 * ESLint, which only needs the rules, never loads ts-morph.
 */
export async function analyze(options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const { analyze: run } = await import('./analyzer.js');
  return run(options);
}

export type { AnalysisProgress, AnalysisResult, AnalyzeOptions } from './analyzer.js';
export type { FileDiagnostic } from './core/errors.js';
export type { Finding, Range, RelatedLocation, Severity, Suggestion } from './core/finding.js';
export type { SsotSettings } from './eslint/settings.js';
