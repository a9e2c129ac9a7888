import { createHash } from 'node:crypto';
import path from 'node:path';
import ignore from 'ignore';
import type * as TS from 'typescript';
import type { Check } from '../checks/types.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { configureChecks, type ConfiguredCheck } from '../config/rules.js';
import type { FindingDraft } from '../core/finding.js';
import type { TypeScriptApi } from '../core/location.js';
import { cachedHash, defaultCacheLocation, FactsCache } from '../project/cache.js';
import { toRelative } from '../project/paths.js';
import { packageJson } from '../version.js';
import { BufferParser } from './buffer-parser.js';
import { CheckState, parseEntry, type Parsed } from './check-state.js';
import { FactsPrefetch, scriptKindOf, type PrefetchCheck, type TypedPrefetch } from './facts-prefetch.js';
import { FallbackPrograms } from './fallback-programs.js';
import { findProjectRoot } from './project-root.js';
import { ProjectFiles, type FileEntry } from './project-files.js';
import type { SsotSettings } from './settings.js';
import { sourceOfTypescript, syntacticTs, typescriptOfNode, typescriptOfParser } from './typescript.js';

/** What a rule knows about the file it lints. */
export interface LintRequest {
  check: Check<unknown, unknown>;
  /** ESLint's cwd: findings' paths (and paths in messages) are relative to it, as the CLI's are to its cwd. */
  cwd: string;
  /** Absolute path of the linted file. */
  filename: string;
  /** The editor's text of the file (`context.sourceCode.text`, without BOM). */
  text: string;
  hasBOM: boolean;
  settings: SsotSettings;
  /** The rule's options exactly as the ESLint config gives them (no defaults merged in). */
  ruleOptions: Record<string, unknown> | undefined;
  /** `parserServices.program`, when the parser has type information for this file. */
  program: TS.Program | undefined;
}

interface Project {
  files: ProjectFiles;
  configHash: string;
  ts: TypeScriptApi;
  states: Map<string, CheckState>;
  caches: Map<CheckState, FactsCache>;
  fallback: FallbackPrograms;
  useCache: boolean;
  lastSweep: number;
  lastDiscovery: number;
  /** Per linted file: how the worker prepares the type-aware checks' part of its next text (see `TypedPrefetch`). */
  typedPrefetch: Map<string, TypedPrefetch>;
  /**
   * Whether the incremental parser ran once. At the first lint the syntactic checks' facts come from the
   * on-disk cache, so their extractors, their answer for an edited file and the incremental parser would first
   * run, uncompiled, on the first edit, several times slower than afterwards: each runs once at the first lint.
   */
  warmedUp: boolean;
}

/**
 * How often (at most) the index looks at the disk for files changed outside the editor. Edits in the editor
 * reach the index at once through the linted buffer; this only bounds the cost of stat-ing every file when
 * ESLint lints many files in a row.
 */
let refreshIntervalMs = 1000;

/** For tests: how stale the disk view may get before the next lint re-stats the project's files. */
export function setRefreshInterval(ms: number): void {
  refreshIntervalMs = ms;
}

/** Every project indexed by this process, by root and cwd; a changed config replaces its project. */
const projects = new Map<string, Project>();
const roots = new Map<string, { root: string; at: number }>();
const configs = new Map<string, { loaded: LoadedConfig; at: number }>();
/** Parses of the linted buffer, shared by the rules that run on it one after another. */
const bufferParser = new BufferParser();
/** Facts of re-linted buffers, extracted in a worker thread while typescript-eslint parses them. */
const prefetch = new FactsPrefetch();

/**
 * Called by the plugin's parser with the text it is about to parse: when the file is one a lint has seen, the
 * syntactic checks' facts of that text are extracted meanwhile in a worker thread.
 */
export function prefetchFacts(filePath: string | undefined, text: string): void {
  if (filePath) prefetch.start(path.resolve(filePath), text);
}

/** For tests: how many checks' facts of linted buffers came from the worker thread. */
export function prefetchedCount(): number {
  return prefetch.served;
}

/** Forgets every index (tests; a new ESLint run in the same process starts from the disk anyway). */
export function resetSessions(): void {
  projects.clear();
  roots.clear();
  configs.clear();
  bufferParser.forget();
  prefetch.forget();
}

/** For tests: how often each check linked its model over the whole project, in every project of this process. */
export function linkCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const project of projects.values()) {
    for (const state of project.states.values()) counts[state.check.name] = (counts[state.check.name] ?? 0) + state.links;
  }
  return counts;
}

/** The check's findings in the linted file, from a run over the whole project with the file's current text. */
export function findingsForFile(request: LintRequest): FindingDraft[] {
  const now = Date.now();
  const absolute = path.resolve(request.cwd, request.filename);
  const root = projectRootOf(absolute, request, now);
  const loaded = configOf(root, request, now);
  const configured = configureChecks(loaded).find(({ check }) => check === request.check);
  // Turned off in ssot.config.json: the project's single switch, honored by the CLI and ESLint alike.
  if (!configured) return [];
  const { options, isIgnored } = withRuleOptions(configured, request.ruleOptions, root);
  const project = projectOf(root, loaded, request, now);

  // Files changed on disk outside the editor: stat-ing thousands of files takes tens of milliseconds, so
  // (unless a test asks for every lint) it happens in the background and its result applies to the next lint.
  // Even asynchronous, starting a request per file takes milliseconds: it starts once this lint is over.
  if (refreshIntervalMs <= 0) {
    project.files.sweep();
  } else {
    project.files.applySweep();
    if (now - project.lastSweep >= refreshIntervalMs) {
      setImmediate(() => project.files.sweepInBackground());
      project.lastSweep = now;
    }
  }
  const known = project.files.entries.has(absolute);
  const entry = project.files.setBuffer(absolute, request.text, request.hasBOM);
  if (!entry) return [];
  if (!known && now - project.lastDiscovery >= refreshIntervalMs) {
    // A file the index did not know: others may have appeared too.
    project.files.discover();
    project.lastDiscovery = now;
  }

  const state = stateOf(project, request.check, options);
  if (request.check.usesTypes) syncTyped(project, state, entry, request);
  else syncSyntactic(project, [state], entry);
  let findings = state.findingsIn(entry);
  if (!state.warmedUp && !request.check.usesTypes && state.warmUp(entry, parsedBuffer(project, entry))) findings = state.findingsIn(entry);
  if (!project.warmedUp) {
    project.warmedUp = true;
    bufferParser.warmIncremental(project.ts, entry);
  }
  bufferParser.primeLater(project.ts, entry);
  prefetch.track(
    absolute,
    { cwd: request.cwd, relative: entry.relative, projectPath: entry.projectPath, checks: syntacticChecksOf(project), typed: project.typedPrefetch.get(absolute) },
    entry.text,
  );
  return findings.filter((draft) => !isIgnored(path.resolve(request.cwd, draft.file)));
}

function projectRootOf(absolute: string, request: LintRequest, now: number): string {
  const key = `${path.dirname(absolute)}\0${request.cwd}\0${request.settings.root ?? ''}`;
  const memo = roots.get(key);
  if (memo && now - memo.at < refreshIntervalMs) return memo.root;
  const root = findProjectRoot(absolute, request.cwd, request.settings.root);
  roots.set(key, { root, at: now });
  return root;
}

function configOf(root: string, request: LintRequest, now: number): LoadedConfig {
  const configFile = request.settings.configFile ? path.resolve(request.cwd, request.settings.configFile) : undefined;
  const key = `${root}\0${configFile ?? ''}`;
  const memo = configs.get(key);
  if (memo && now - memo.at < refreshIntervalMs) return memo.loaded;
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(root, configFile);
  } catch (error) {
    throw new Error(`ssot: ${(error as Error).message}`);
  }
  configs.set(key, { loaded, at: now });
  return loaded;
}

/**
 * Precedence of options: the check's defaults, then the rule's entry in ssot.config.json, then the rule's
 * options in the ESLint config (key by key). An `ignore` given in ESLint replaces the config's `ignore` and is
 * relative to the project root.
 */
function withRuleOptions(
  configured: ConfiguredCheck,
  ruleOptions: Record<string, unknown> | undefined,
  root: string,
): { options: unknown; isIgnored: (absolute: string) => boolean } {
  const { ignore: ignorePatterns, ...own } = ruleOptions ?? {};
  const options = { ...(configured.options as object), ...own };
  if (!Array.isArray(ignorePatterns)) return { options, isIgnored: configured.isIgnored };
  const matcher = ignore().add(ignorePatterns as string[]);
  return {
    options,
    isIgnored: (absolute) => {
      const relative = toRelative(root, absolute);
      return ignorePatterns.length > 0 && relative !== '' && !relative.startsWith('../') && matcher.ignores(relative);
    },
  };
}

function projectOf(root: string, loaded: LoadedConfig, request: LintRequest, now: number): Project {
  const key = `${root}\0${request.cwd}`;
  const configHash = createHash('sha1')
    .update(JSON.stringify([loaded.file ?? '', loaded.config, request.settings.cache ?? true]))
    .digest('hex');
  const existing = projects.get(key);
  if (existing?.configHash === configHash) return existing;
  const files = new ProjectFiles(root, request.cwd, loaded);
  const project: Project = {
    files,
    configHash,
    ts: syntacticTs(request.cwd),
    states: new Map(),
    caches: new Map(),
    fallback: new FallbackPrograms(root, request.cwd, syntacticTs(request.cwd)),
    useCache: request.settings.cache ?? true,
    lastSweep: now,
    lastDiscovery: now,
    typedPrefetch: new Map(),
    warmedUp: false,
  };
  projects.set(key, project);
  // The worker that prefetches facts of edited buffers loads its TypeScripts while this lint builds the index.
  const parserTs = typescriptOfParser();
  const parserTsSource = parserTs ? sourceOfTypescript(request.cwd, parserTs) : undefined;
  prefetch.preload(request.cwd, parserTsSource ? [parserTsSource] : []);
  // Facts of every syntactic check the config turns on, in one parse of each file: the other rules of this
  // lint (with options as in the config, the common case) find their index ready.
  const syntactic = configureChecks(loaded)
    .filter(({ check }) => !check.usesTypes)
    .map(({ check, options }) => stateOf(project, check, options));
  syncSyntactic(project, syntactic, undefined);
  return project;
}

function stateOf(project: Project, check: Check<unknown, unknown>, options: unknown): CheckState {
  const key = `${check.name}\0${JSON.stringify(options)}`;
  let state = project.states.get(key);
  if (!state) {
    state = new CheckState(key, check, options, project.files, project.ts);
    project.states.set(key, state);
    if (project.useCache && !check.usesTypes) {
      const cache = new FactsCache(defaultCacheLocation(project.files.cwd), check, options, packageJson.version, project.ts.version);
      cache.load();
      project.caches.set(state, cache);
    }
  }
  return state;
}

/** What the worker extracts for a re-linted buffer of this project: every syntactic check's facts. */
function syntacticChecksOf(project: Project): PrefetchCheck[] {
  const checks: PrefetchCheck[] = [];
  for (const state of project.states.values()) if (!state.check.usesTypes) checks.push({ key: state.key, name: state.check.name, options: state.options });
  return checks;
}

/** The linted buffer, parsed once for all rules of this lint. */
function parsedBuffer(project: Project, entry: FileEntry): Parsed {
  return bufferParser.parse(project.ts, entry);
}

/** Brings the states' facts up to date: from the on-disk cache where it has them, else parsed here. */
function syncSyntactic(project: Project, states: CheckState[], current: FileEntry | undefined): void {
  const staleByState = states.map((state) => new Set(state.stale()));
  const stale = new Set(staleByState.flatMap((set) => [...set]));
  const written = new Set<FactsCache>();
  for (const entry of stale) {
    let parsed: Parsed | undefined;
    const parse = (): Parsed => (parsed ??= entry === current ? parsedBuffer(project, entry) : parseEntry(project.ts, entry));
    states.forEach((state, i) => {
      if (!staleByState[i]!.has(entry)) return;
      const cache = project.caches.get(state);
      // The linted buffer changes on every keystroke: never worth a cache write.
      const cached = entry === current ? undefined : cache?.get(entry.relative, cachedHash(entry.hash, entry.projectPath));
      if (cached !== undefined) return state.setFacts(entry, cached);
      const prefetched = entry === current ? prefetch.take(entry.absolute, entry.relative, entry.text, state.key) : undefined;
      if (prefetched) return state.setFacts(entry, prefetched.facts);
      const facts = state.extractSyntactic(entry, parse());
      if (cache && entry !== current && facts !== undefined) {
        cache.set(entry.relative, cachedHash(entry.hash, entry.projectPath), facts);
        written.add(cache);
      }
    });
  }
  for (const state of states) state.markSynced();
  for (const cache of written) cache.save();
}

/**
 * Typed facts: the linted file's from `parserServices.program` (its buffer, the user's TypeScript); other
 * files' from the same Program when it holds them, else from Programs built like the CLI's (per tsconfig).
 * A `parserServices.program` without the options of an uninstalled workspace base (which the project service
 * cannot read, and which typescript-eslint's single-run mode refuses) is not used: in an editor and in CI alike,
 * the files are served by the CLI's Programs. Without any Program for a text (an unsaved buffer of a file no
 * tsconfig covers), the check runs untyped.
 */
function syncTyped(project: Project, state: CheckState, current: FileEntry, request: LintRequest): void {
  const program = request.program && !project.fallback.lacksWorkspaceOptions(request.program) ? request.program : undefined;
  const programTs = program ? tsOfProgram(program, current, request.cwd) : undefined;
  const prepared = program && programTs ? preparedFor(project, state, current, program, programTs, request.cwd) : undefined;
  const uncovered = state.stale().filter(
    (entry) => !(program && programTs && state.tryExtractTyped(entry, program, programTs, entry === current ? prepared : undefined)),
  );
  if (program && programTs && !state.hasFactsFor(current, program)) {
    // The Program changed (another file was edited): the linted file's types may have changed with it.
    if (!state.tryExtractTyped(current, program, programTs) && !uncovered.includes(current)) uncovered.push(current);
  }
  if (uncovered.length) {
    // Programs are (re)built for files at rest, never per keystroke: an edited buffer alone reuses what exists.
    const rebuild = uncovered.some((entry) => entry !== current);
    const fallback = project.fallback.programFor(uncovered, project.files, rebuild);
    for (const entry of uncovered) {
      const served = fallback.some(({ program: p, ts }) => state.tryExtractTyped(entry, p, ts));
      if (!served) state.extractSyntactic(entry, entry === current ? parsedBuffer(project, entry) : parseEntry(project.ts, entry));
    }
  }
  state.markSynced();
}

/**
 * What the worker prepared of the check's extraction for the linted text, parsed like its source file in
 * `program`; and how to prepare the next text of this file.
 */
function preparedFor(project: Project, state: CheckState, current: FileEntry, program: TS.Program, programTs: TypeScriptApi, cwd: string): unknown {
  const sourceFile = program.getSourceFile(current.absolute);
  const source = sourceOfTypescript(cwd, programTs);
  if (!state.check.prepare || !sourceFile || !source) return undefined;
  const check: PrefetchCheck = { key: state.key, name: state.check.name, options: state.options };
  project.typedPrefetch.set(current.absolute, { ts: source, languageVersion: sourceFile.languageVersion, scriptKind: scriptKindOf(sourceFile), checks: [check] });
  return prefetch.takePrepared(current.absolute, current.relative, sourceFile, source, state.key)?.prepared;
}

function tsOfProgram(program: TS.Program, current: FileEntry, cwd: string): TypeScriptApi | undefined {
  const sourceFile = program.getSourceFile(current.absolute) ?? program.getSourceFiles()[0];
  return sourceFile ? typescriptOfNode(cwd, sourceFile) : undefined;
}
