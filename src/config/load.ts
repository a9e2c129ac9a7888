import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { UsageError } from '../core/errors.js';
import { configSchema } from './schema.js';

export type RuleSeverity = 'error' | 'warn' | 'off';
export type RuleEntry = RuleSeverity | [RuleSeverity, Record<string, unknown>?] | Record<string, unknown>;

export interface SsotConfig {
  ignore?: string[];
  maxFileSize?: number;
  rules?: Record<string, RuleEntry>;
}

export interface LoadedConfig {
  config: SsotConfig;
  /** The file it came from (absent when defaults apply); patterns in it are relative to its folder. */
  file?: string;
  baseDir: string;
}

const CONFIG_FILE = 'ssot.config.json';

/** `--config <file>`, else the nearest `ssot.config.json` or `package.json#ssot` from `cwd` upwards. */
export function loadConfig(cwd: string, explicitFile?: string): LoadedConfig {
  if (explicitFile) {
    const file = path.resolve(cwd, explicitFile);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${explicitFile}`);
    const key = path.basename(file) === 'package.json' ? 'ssot' : undefined;
    return fromFile(file, key) ?? { config: {}, file, baseDir: path.dirname(file) };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const found = fromFile(path.join(dir, CONFIG_FILE)) ?? fromFile(path.join(dir, 'package.json'), 'ssot');
    if (found) return found;
    if (path.dirname(dir) === dir) return { config: {}, baseDir: path.resolve(cwd) };
  }
}

function fromFile(file: string, key?: string): LoadedConfig | undefined {
  if (!existsSync(file)) return undefined;
  const display = path.relative(process.cwd(), file) || file;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`invalid config ${display}: ${(error as Error).message}`);
  }
  const raw = key === undefined ? json : (json as Record<string, unknown> | null)?.[key];
  if (raw === undefined) return undefined;
  validate(raw, key === undefined ? display : `${display}#${key}`);
  return { config: raw as SsotConfig, file, baseDir: path.dirname(file) };
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

function validate(config: unknown, where: string): void {
  // Loaded only when there is a config to validate (most runs have none): ~50 ms of start-up.
  validator ??= new (createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020({ allErrors: true, strict: false }).compile(configSchema());
  if (validator(config)) return;
  throw new UsageError(`invalid config ${where}: ${describe(validator.errors ?? [])}`);
}

/** The most specific error, as `<key path>: <what is wrong>`. */
function describe(errors: ErrorObject[]): string {
  const meaningful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const deepest = [...(meaningful.length ? meaningful : errors)].sort(
    (a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length,
  )[0];
  if (!deepest) return 'does not match the schema';
  const at = deepest.instancePath.replace(/^\//, '').replace(/~1/g, '/') || '(root)';
  if (deepest.keyword === 'additionalProperties') {
    const extra = (deepest.params as { additionalProperty: string }).additionalProperty;
    return `unknown key "${extra}" in ${at}`;
  }
  if (deepest.keyword === 'enum') {
    const allowed = (deepest.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
    return `${at} must be one of ${allowed.join(', ')}`;
  }
  return `${at} ${deepest.message ?? 'is invalid'}`;
}
