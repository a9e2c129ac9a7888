import type { Finding } from '../core/finding.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export type Reporter = (findings: readonly Finding[]) => string;

export const reporters: Record<string, Reporter> = {
  stylish: (findings) => formatStylish(findings),
  json: formatJson,
};
