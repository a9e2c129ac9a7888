/** `settings.ssot` in an ESLint config: where the project is and how its index is kept. */
export interface SsotSettings {
  /** The project folder whose files form the cross-file index, relative to ESLint's cwd (default: see findProjectRoot). */
  root?: string;
  /** The ssot config file, relative to ESLint's cwd (default: nearest ssot.config.json or package.json#ssot above the project). */
  configFile?: string;
  /** Share the CLI's on-disk facts cache (node_modules/.cache/ssot below ESLint's cwd, else ~/.cache/ssot); default true. */
  cache?: boolean;
}

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): SsotSettings {
  const raw = settings?.ssot;
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object') throw new Error('ssot: settings.ssot must be an object');
  const { root, configFile, cache } = raw as Record<string, unknown>;
  if (root !== undefined && typeof root !== 'string') throw new Error('ssot: settings.ssot.root must be a string');
  if (configFile !== undefined && typeof configFile !== 'string') throw new Error('ssot: settings.ssot.configFile must be a string');
  if (cache !== undefined && typeof cache !== 'boolean') throw new Error('ssot: settings.ssot.cache must be a boolean');
  return { root, configFile, cache };
}
