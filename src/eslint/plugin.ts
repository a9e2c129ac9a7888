import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { packageJson } from '../version.js';
import { parser } from './parser.js';

export const SOURCE_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/**
 * One severity per rule is all ESLint has, while a check marks each finding an error or a warning. Every rule
 * is an error here: the CLI fails (exit 1) on any finding, and so does ESLint with these levels. The finding's
 * own severity shows in the CLI; a project that wants one level everywhere sets it in ssot.config.json.
 */
const recommendedRules: TSESLint.FlatConfig.Rules = {
  'ssot/no-duplicate-helpers': 'error',
  'ssot/no-unserializable-log-args': 'error',
  'ssot/no-unhandled-message-types': 'error',
};

interface SsotPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config };
}

export const plugin: SsotPlugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: 'ssot' },
  rules,
  configs: {} as SsotPlugin['configs'],
};

plugin.configs.recommended = {
  name: 'ssot/recommended',
  files: SOURCE_FILES,
  languageOptions: {
    parser,
    parserOptions: { projectService: true },
  },
  plugins: { ssot: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: recommendedRules,
};
