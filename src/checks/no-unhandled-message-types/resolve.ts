import path from 'node:path';
import type { CatalogFact, ConstFact, MessageFacts, ValueRef } from './facts.js';

/** A message type after resolution: `key` compares values (`s:join`, `n:0`), `display` shows the name used. */
export interface ResolvedType {
  key: string;
  display: string;
  /** `file#Name` of the enum or const object the value came from, if any. */
  catalog?: string;
}

type Binding =
  | { kind: 'catalog'; file: string; catalog: CatalogFact }
  | { kind: 'const'; file: string; constant: ConstFact }
  | { kind: 'module'; file: string };

const MAX_DEPTH = 8;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

export function keyOf(value: string | number): string {
  return typeof value === 'number' ? `n:${value}` : `s:${value}`;
}

export function displayOf(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value}'`;
}

/** Resolves names across files: relative imports (`.js` specifiers that mean `.ts` files too), re-exports, barrels. */
export class Resolver {
  private readonly uniqueExported = new Map<string, Binding | null>();
  private readonly valueCache = new Map<string, ResolvedType | null>();
  private readonly moduleCache = new Map<string, string | null>();
  /**
   * Every name looked up among catalogs, constants and imports (of any file), so that an edit to a file can
   * tell whether what it changed was ever seen by a resolution (see `reportMessageCheck`).
   */
  readonly asked = new Set<string>();

  constructor(private readonly files: ReadonlyMap<string, MessageFacts>) {
    for (const [file, facts] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      for (const catalog of facts.catalogs) if (catalog.exported) this.addUnique(catalog.name, { kind: 'catalog', file, catalog });
      for (const constant of facts.consts) if (constant.exported) this.addUnique(constant.name, { kind: 'const', file, constant });
    }
  }

  private addUnique(name: string, binding: Binding): void {
    this.uniqueExported.set(name, this.uniqueExported.has(name) ? null : binding);
  }

  resolveModule(fromFile: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const folder = path.posix.dirname(fromFile);
    // Most imports repeat within a folder (and every call site of a wrapper resolves its import again).
    const key = `${folder}\0${specifier}`;
    let target = this.moduleCache.get(key);
    if (target === undefined) this.moduleCache.set(key, (target = this.lookupModule(folder, specifier) ?? null));
    return target ?? undefined;
  }

  private lookupModule(folder: string, specifier: string): string | undefined {
    const base = path.posix.normalize(path.posix.join(folder, specifier));
    const candidates: string[] = [];
    const extension = path.posix.extname(base);
    for (const replacement of JS_TO_TS[extension] ?? []) candidates.push(base.slice(0, -extension.length) + replacement);
    candidates.push(base);
    for (const ext of SOURCE_EXTENSIONS) candidates.push(base + ext);
    for (const ext of SOURCE_EXTENSIONS) candidates.push(`${base}/index${ext}`);
    return candidates.find((candidate) => this.files.has(candidate));
  }

  /** What a local name of `file` refers to. */
  resolveName(file: string, name: string, depth = 0): Binding | undefined {
    const facts = this.files.get(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    this.asked.add(name);
    const catalog = facts.catalogs.find((candidate) => candidate.name === name && candidate.kind !== 'union');
    if (catalog) return { kind: 'catalog', file, catalog };
    const constant = facts.consts.find((candidate) => candidate.name === name);
    if (constant) return { kind: 'const', file, constant };
    const imported = facts.imports.find((entry) => entry.local === name);
    if (!imported) return undefined;
    const target = this.resolveModule(file, imported.module);
    if (target) {
      return imported.imported === '*' ? { kind: 'module', file: target } : this.resolveExport(target, imported.imported, depth + 1);
    }
    // A package or path alias we cannot follow: trust a name exported exactly once in the project.
    if (imported.imported === '*' || imported.imported === 'default') return undefined;
    this.asked.add(imported.imported);
    return this.uniqueExported.get(imported.imported) ?? undefined;
  }

  resolveExport(file: string, name: string, depth: number): Binding | undefined {
    const facts = this.files.get(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    this.asked.add(name);
    const catalog = facts.catalogs.find((candidate) => candidate.name === name && candidate.exported && candidate.kind !== 'union');
    if (catalog) return { kind: 'catalog', file, catalog };
    const constant = facts.consts.find((candidate) => candidate.name === name && candidate.exported);
    if (constant) return { kind: 'const', file, constant };
    for (const entry of facts.exports) {
      if (entry.exported === name && entry.local !== undefined) return this.resolveName(file, entry.local, depth + 1);
      if (entry.exported === name && entry.module) {
        const target = this.resolveModule(file, entry.module);
        if (!target) continue;
        return entry.imported === '*' ? { kind: 'module', file: target } : this.resolveExport(target, entry.imported ?? name, depth + 1);
      }
    }
    for (const entry of facts.exports) {
      if (entry.exported !== '*' || !entry.module) continue;
      const target = this.resolveModule(file, entry.module);
      const found = target && this.resolveExport(target, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** The value a reference in `file` stands for, or undefined when it is not a known literal. */
  resolveValue(file: string, ref: ValueRef, depth = 0): ResolvedType | undefined {
    const cacheKey = `${file}\0${JSON.stringify(ref)}`;
    const cached = this.valueCache.get(cacheKey);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = depth > MAX_DEPTH ? undefined : this.computeValue(file, ref, depth);
    this.valueCache.set(cacheKey, resolved ?? null);
    return resolved;
  }

  private computeValue(file: string, ref: ValueRef, depth: number): ResolvedType | undefined {
    if (ref.kind === 'literal') return { key: keyOf(ref.value), display: displayOf(ref.value) };
    if (ref.kind === 'concat') {
      let text = '';
      for (const part of ref.parts) {
        const resolved = this.resolveValue(file, part, depth + 1);
        if (!resolved) return undefined;
        text += resolved.key.slice(2);
      }
      return { key: keyOf(text), display: displayOf(text) };
    }
    if (ref.kind === 'const') {
      const binding = this.resolveName(file, ref.name);
      if (binding?.kind !== 'const') return undefined;
      const inner = this.resolveValue(binding.file, binding.constant.value, depth + 1);
      const name = binding.constant.builder ? `${ref.name}()` : ref.name;
      return inner && { ...inner, display: inner.display.startsWith("'") || /^-?\d/.test(inner.display) ? `${name} (${inner.display})` : inner.display };
    }
    const binding = this.resolveName(file, ref.ns);
    if (binding?.kind === 'catalog') {
      const member = binding.catalog.members.find((candidate) => candidate.name === ref.member);
      if (!member || member.value === null) return undefined;
      return { key: keyOf(member.value), display: `${ref.ns}.${ref.member} (${displayOf(member.value)})`, catalog: `${binding.file}#${binding.catalog.name}` };
    }
    if (binding?.kind === 'module') {
      const exported = this.resolveExport(binding.file, ref.member, depth + 1);
      if (exported?.kind !== 'const') return undefined;
      const inner = this.resolveValue(exported.file, exported.constant.value, depth + 1);
      return inner && { ...inner, display: `${ref.ns}.${ref.member} (${inner.display.replace(/^.*\((.*)\)$/, '$1')})` };
    }
    return undefined;
  }

  /** The catalog a local name of `file` refers to (used for member references). */
  catalogOf(file: string, name: string): string | undefined {
    const binding = this.resolveName(file, name);
    return binding?.kind === 'catalog' ? `${binding.file}#${binding.catalog.name}` : undefined;
  }
}
