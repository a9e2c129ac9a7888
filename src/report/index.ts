import type { Finding } from '../core/finding.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type Reporter = (findings: readonly Finding[]) => string;

export const reporters: Record<string, Reporter> = {
  stylish: (findings) => formatStylish(findings),
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};
