import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type * as TS from 'typescript';
import { ruleIdOf, type PackageLayout } from './checks/types.js';
import { loadConfig } from './config/load.js';
import { configureChecks, type ConfiguredCheck } from './config/rules.js';
import type { FileDiagnostic } from './core/errors.js';
import { compareFindings, compareStrings, toFinding, type Finding } from './core/finding.js';
import type { TypeScriptApi } from './core/location.js';
import { cachedHash, defaultCacheLocation, FactsCache } from './project/cache.js';
import { isComponentFile } from './project/components.js';
import { discoverFiles } from './project/discover.js';
import { PackageLayoutReader } from './project/packages.js';
import { ExtractPool, workersFor } from './project/extract-pool.js';
import { extractFacts, type ExtractRequest } from './project/extract-file.js';
import { firstSyntaxError } from './project/parse.js';
import { toRelative } from './project/paths.js';
import { DEFAULT_MAX_FILE_SIZE, readSource } from './project/read-source.js';
import { findTsconfigFiles, parseTsconfigs, rootTsconfigs, type ParsedTsconfig } from './project/tsconfig.js';
import { SharedParses } from './project/shared-parses.js';
import { syntaxErrorOfSkipped, typedRootSelector } from './project/typed-roots.js';
import { packageJson } from './version.js';

export interface AnalyzeOptions {
  /** Findings' paths are relative to it; defaults to `process.cwd()`. */
  cwd?: string;
  /** Files and folders to analyze, relative to `cwd`; defaults to `['.']`. */
  paths?: string[];
  configFile?: string;
  /** Run only these rules (`ssot/<name>` or `<name>`). */
  rules?: string[];
  /** On-disk facts cache (default on). */
  cache?: boolean;
  cacheLocation?: string;
  /** Worker threads for fact extraction (default: available cores). The output never depends on it. */
  jobs?: number;
  /** Called as the analysis advances (for a progress bar); never changes the result. */
  onProgress?: (progress: AnalysisProgress) => void;
}

/**
 * Where the analysis is: building the types (`done` counts the files of the Programs built so far), extracting
 * the other facts (`done` counts files), running the checks (`done` counts checks).
 */
export interface AnalysisProgress {
  stage: 'types' | 'facts' | 'checks';
  done: number;
  total: number;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Files that could not be analyzed, one line each. */
  diagnostics: FileDiagnostic[];
  filesAnalyzed: number;
}

interface AnalyzedFile {
  absolute: string;
  relative: string;
  /** See `FileFacts.projectPath`; absent when it is `relative`. */
  projectPath?: string;
  text: string;
  hash: string;
  facts: Record<string, unknown>;
  failed?: boolean;
}

/** `SSOT_TIMING=1`: where the time goes, on stderr (wall ms since start, and this thread's CPU ms). */
const phase: (name: string) => void = process.env.SSOT_TIMING
  ? (name) => {
      const cpu = process.cpuUsage();
      process.stderr.write(`ssot timing: ${name} ${Math.round(performance.now())} ms, cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`);
    }
  : () => undefined;

let typescript: Promise<TypeScriptApi> | undefined;
const loadTs = (): Promise<TypeScriptApi> => (typescript ??= import('./project/typescript.js').then((m) => m.bundledTs));

export async function analyze(options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  phase('start');
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const paths = options.paths?.length ? options.paths : ['.'];
  const loaded = loadConfig(cwd, options.configFile);
  const configured = configureChecks(loaded, options.rules);
  const syntactic = configured.filter(({ check }) => !check.usesTypes);
  const typed = configured.filter(({ check }) => check.usesTypes);
  const useCache = options.cache !== false;
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const diagnostics: FileDiagnostic[] = [];
  const report = options.onProgress ?? (() => undefined);

  const discovered = discoverFiles({ cwd, paths, ignore: loaded.config.ignore ?? [], ignoreBase: loaded.baseDir });
  phase('discovered');
  // Without a cache every file is extracted: start the workers now, so they compile TypeScript while this thread
  // reads the files. This thread joins the extraction unless it builds the Program meanwhile.
  let pool = syntactic.length && !useCache ? new ExtractPool(syntactic, workersFor(discovered.length, jobs)) : undefined;
  try {
    const files = readFiles(discovered, cwd, analyzedFolders(cwd, paths), loaded.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, diagnostics);
    phase('read');
    const syntacticRun = syntactic.length ? await startSyntactic(files, syntactic, options, cwd, useCache, jobs, pool) : undefined;
    pool = syntacticRun?.pool;
    // After the hand-off to the workers: this loads TypeScript in this thread (~0.3 s).
    const absolutePaths = paths.map((given) => path.resolve(cwd, given));
    const tsconfigFiles = findTsconfigFiles(absolutePaths);
    const { configs: tsconfigs, diagnostics: tsconfigDiagnostics } = tsconfigFiles.length
      ? parseTsconfigs(await loadTs(), tsconfigFiles, cwd, rootTsconfigs(absolutePaths))
      : { configs: [], diagnostics: [] };
    diagnostics.push(...tsconfigDiagnostics);
    phase('tsconfig');
    // Typed extraction runs in this thread while the workers extract the syntactic facts.
    // Components' scripts are not TypeScript's to type: they stay out of the Programs.
    const typedRun = typed.length
      ? await extractTyped(await loadTs(), files.filter((file) => !isComponentFile(file.absolute)), typed, tsconfigs, cwd, syntactic.length > 0, report)
      : undefined;
    phase('typed');
    if (syntacticRun) await finishSyntactic(syntacticRun, syntactic, useCache, diagnostics, typedRun?.parses, report);
    phase('syntactic');
    for (const [file, reason] of typedRun?.failures ?? []) {
      // A file the syntactic extraction already failed is reported once, as it was found first there.
      if (!file.failed) file.failed = (diagnostics.push({ file: file.relative, message: reason }), true);
    }
    const analyzed = files.filter((file) => !file.failed);
    const packages = new PackageLayoutReader().layout(analyzed);
    const findings = configured.flatMap((entry, i) => {
      report({ stage: 'checks', done: i, total: configured.length });
      return runCheck(entry, analyzed, cwd, packages);
    });
    report({ stage: 'checks', done: configured.length, total: configured.length });
    phase('run');
    return {
      findings: findings.sort(compareFindings),
      diagnostics: diagnostics.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.message, b.message)),
      filesAnalyzed: analyzed.length,
    };
  } finally {
    pool?.close();
  }
}

function readFiles(discovered: string[], cwd: string, folders: string[], maxFileSize: number, diagnostics: FileDiagnostic[]): AnalyzedFile[] {
  const files: AnalyzedFile[] = [];
  for (const absolute of discovered) {
    const relative = toRelative(cwd, absolute);
    const read = readSource(absolute, maxFileSize);
    if (read.kind === 'skipped') diagnostics.push({ file: relative, message: `skipped: ${read.reason}` });
    if (read.kind !== 'ok') continue;
    const folder = folders.find((dir) => absolute.startsWith(dir + path.sep));
    const projectPath = folder === undefined ? undefined : toRelative(folder, absolute);
    files.push({ absolute, relative, projectPath: projectPath === relative ? undefined : projectPath, text: read.text, hash: read.hash, facts: {} });
  }
  return files;
}

/** The folders given to analyze (not files: a file given alone keeps its path from `cwd`), deepest first. */
function analyzedFolders(cwd: string, paths: string[]): string[] {
  const folders = paths.map((given) => path.resolve(cwd, given)).filter((absolute) => {
    try {
      return statSync(absolute).isDirectory();
    } catch {
      return false;
    }
  });
  return [...new Set(folders)].sort((a, b) => b.length - a.length);
}

/**
 * Facts of the typed checks, from one Program per compiler-options group; returns the files that failed, and
 * the parses made on the way, for the syntactic extraction. Only the files a typed check can take facts from are
 * Program roots and extracted (see `typedRootSelector`); the others still get their syntax checked, here or
 * (when syntactic checks run) by the extraction pool.
 */
async function extractTyped(
  ts: TypeScriptApi,
  files: AnalyzedFile[],
  typed: ConfiguredCheck[],
  tsconfigs: ParsedTsconfig[],
  cwd: string,
  syntaxCheckedElsewhere: boolean,
  report: (progress: AnalysisProgress) => void,
): Promise<{ failures: Map<AnalyzedFile, string>; parses: SharedParses }> {
  // Loaded only when needed: it brings @ts-morph/common's bundled lib files.
  const { buildPrograms } = await import('./project/program.js');
  const failures = new Map<AnalyzedFile, string>();
  const byPath = new Map(files.map((f) => [f.absolute, f]));
  const texts = new Map(files.map((f) => [f.absolute, f.text]));
  const parses = new SharedParses(ts, texts);
  const relativePath = (p: string) => toRelative(cwd, p);
  const selectRoots = typedRootSelector(ts, typed, texts, (file) => parses.tree(file.fileName));
  const parsedFile = (fileName: string, languageVersion: TS.ScriptTarget | TS.CreateSourceFileOptions) => parses.adopt(fileName, languageVersion);
  let done = 0;
  report({ stage: 'types', done, total: files.length });
  for (const { program, files: groupFiles, roots, options } of buildPrograms(ts, [...byPath.keys()], tsconfigs, texts, selectRoots, parsedFile)) {
    phase(`program (${roots.size} of ${groupFiles.length} files as roots, ${program?.getSourceFiles().length ?? 0} in the Program)`);
    const checker = program?.getTypeChecker();
    phase('checker');
    for (const absolute of groupFiles) {
      const file = byPath.get(absolute);
      if (!file) continue;
      if (!roots.has(absolute)) {
        const syntaxError = syntaxErrorOfSkipped(ts, program, file, options, syntaxCheckedElsewhere);
        if (syntaxError) failures.set(file, syntaxError);
        continue;
      }
      const sourceFile = program?.getSourceFile(absolute);
      if (!program || !checker || !sourceFile) continue;
      const syntaxError = firstSyntaxError(sourceFile);
      const result = syntaxError ? ({ ok: false, reason: syntaxError } as const) : extractFacts(ts, sourceFile, file, typed, { checker, program, relativePath });
      if (result.ok) Object.assign(file.facts, result.facts);
      else failures.set(file, result.reason);
    }
    report({ stage: 'types', done: (done += groupFiles.length), total: files.length });
  }
  report({ stage: 'types', done: files.length, total: files.length });
  return { failures, parses };
}

interface SyntacticRun {
  pool: ExtractPool;
  caches: FactsCache[];
  misses: AnalyzedFile[];
}

/** Takes cached facts, and hands the other files to the extraction pool (started now if not yet). */
async function startSyntactic(
  files: AnalyzedFile[],
  syntactic: ConfiguredCheck[],
  options: AnalyzeOptions,
  cwd: string,
  useCache: boolean,
  jobs: number,
  started: ExtractPool | undefined,
): Promise<SyntacticRun> {
  const ts = useCache ? await loadTs() : undefined;
  const caches = syntactic.map(({ check, options: checkOptions }) => {
    const cache = new FactsCache(options.cacheLocation ? path.resolve(cwd, options.cacheLocation) : defaultCacheLocation(cwd), check, checkOptions, packageJson.version, ts?.version ?? '');
    if (useCache) cache.load();
    return cache;
  });
  const misses: AnalyzedFile[] = [];
  for (const file of files) {
    const cached = caches.map((cache) => (useCache ? cache.get(file.relative, cachedHash(file.hash, file.projectPath)) : undefined));
    if (cached.every((facts) => facts !== undefined)) {
      syntactic.forEach(({ check }, i) => (file.facts[check.name] = cached[i]));
    } else {
      misses.push(file);
    }
  }
  const pool = started ?? new ExtractPool(syntactic, misses.length ? workersFor(misses.length, jobs) : 0);
  pool.dispatch(misses.map(({ absolute, relative, projectPath, text }): ExtractRequest => ({ absolute, relative, projectPath, text })));
  return { pool, caches, misses };
}

async function finishSyntactic(
  { pool, caches, misses }: SyntacticRun,
  syntactic: ConfiguredCheck[],
  useCache: boolean,
  diagnostics: FileDiagnostic[],
  parses: SharedParses | undefined,
  report: (progress: AnalysisProgress) => void,
): Promise<void> {
  pool.onProgress = (done) => report({ stage: 'facts', done, total: misses.length });
  report({ stage: 'facts', done: 0, total: misses.length });
  // Whatever the workers have not claimed yet (all of it without workers) is extracted here.
  if (misses.length) pool.joinOnMainThread(await loadTs(), (request) => parses?.take(request.absolute));
  const results = await pool.finished();
  results.forEach((result, i) => {
    const file = misses[i]!;
    if (!result.ok) {
      file.failed = true;
      diagnostics.push({ file: file.relative, message: result.reason });
      return;
    }
    Object.assign(file.facts, result.facts);
    syntactic.forEach(({ check }, c) => caches[c]!.set(file.relative, cachedHash(file.hash, file.projectPath), result.facts[check.name]));
  });
  if (useCache) for (const cache of caches) cache.save();
}

function runCheck({ check, options, severity, isIgnored }: ConfiguredCheck, files: AnalyzedFile[], cwd: string, packages: PackageLayout): Finding[] {
  const index = { files: files.map((file) => ({ file: file.relative, projectPath: file.projectPath, facts: file.facts[check.name] })), packages };
  return check
    .run(index, options)
    .filter((draft) => !isIgnored(path.resolve(cwd, draft.file)))
    .map((draft) => toFinding(ruleIdOf(check), severity ? { ...draft, severity } : draft));
}
