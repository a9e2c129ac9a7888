import * as typescriptEslintParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { packageJson } from '../version.js';
import { prefetchFacts } from './session.js';

type ParserOptions = Parameters<typeof typescriptEslintParser.parseForESLint>[1];

/** The project service has no usable project for the file: none includes it, or its tsconfig cannot be read. */
const NO_USABLE_PROJECT = /was not found by the project service|Unable to parse the specified 'tsconfig' file/;

/**
 * typescript-eslint's parser with `projectService`, for a config that also lints JavaScript and files no
 * tsconfig includes (scripts, config files, a project without tsconfig.json): where the project service has no
 * usable project for a file (none includes it, or its tsconfig extends a package that is not installed), that
 * file is parsed again without type information instead of failing. Its rules then see no
 * `parserServices.program` and degrade, as they must.
 */
export const parser: TSESLint.FlatConfig.Parser = {
  meta: { name: 'ssot/typescript-eslint-parser', version: packageJson.version },
  parseForESLint(code: string, options?: ParserOptions) {
    prefetchFacts(options?.filePath, code);
    try {
      return typescriptEslintParser.parseForESLint(code, options);
    } catch (error) {
      if (!NO_USABLE_PROJECT.test(String((error as Error)?.message))) throw error;
      return typescriptEslintParser.parseForESLint(code, { ...options, project: undefined, projectService: false });
    }
  },
} as TSESLint.FlatConfig.Parser;
