import type { ClassFact, MessageFacts } from './facts.js';
import type { Resolver } from './resolve.js';

/** Node's EventEmitter and its typed wrappers (`TypedEventEmitter`): their events never leave the process. */
const EMITTER_CLASS = /EventEmitter$/;
const MAX_DEPTH = 8;

/** A class declared in the project, where. */
export interface ProjectClass {
  file: string;
  fact: ClassFact;
}

/**
 * The project's classes by the names files see them under (through imports, re-exports and barrels), and their
 * bases. Receivers declared as one of them (`client: MatrixClient`, `private iframeProtocol: IFrameProtocol`) call
 * that class's methods, and emit its events.
 */
export class ProjectClasses {
  private readonly emitters = new Map<string, boolean>();

  constructor(
    private readonly files: ReadonlyMap<string, MessageFacts>,
    private readonly resolver: Resolver,
  ) {}

  /** The class `name` names in `file`, if the project declares it. */
  find(file: string, name: string, depth = 0): ProjectClass | undefined {
    const facts = this.files.get(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    const fact = facts.classes.find((candidate) => candidate.name === name);
    if (fact) return { file, fact };
    this.resolver.asked.add(name);
    const imported = facts.imports.find((entry) => entry.local === name);
    if (!imported || imported.imported === '*' || imported.imported === 'default') return undefined;
    const target = this.resolver.resolveModule(file, imported.module);
    return target ? this.exported(target, imported.imported, depth + 1) : undefined;
  }

  /**
   * The class and its bases, nearest first; `complete` when the last one extends nothing the project does not
   * declare (so that a method none of them declares is not anyone else's either).
   */
  lineage(file: string, name: string): { classes: ProjectClass[]; complete: boolean } {
    const classes: ProjectClass[] = [];
    let current = this.find(file, name);
    while (current && classes.length <= MAX_DEPTH && !classes.some((known) => known.file === current!.file && known.fact === current!.fact)) {
      classes.push(current);
      const base = current.fact.extends;
      if (base === undefined) return { classes, complete: true };
      current = this.find(current.file, base);
    }
    return { classes, complete: false };
  }

  /** Whether the class `name`, as `file` sees it, is an EventEmitter without an `emit` of its own (which might send). */
  isEmitter(file: string, name: string, depth = 0): boolean {
    if (EMITTER_CLASS.test(name)) return true;
    const key = `${file}\0${name}`;
    const cached = this.emitters.get(key);
    if (cached !== undefined) return cached;
    // A cycle of bases is no emitter.
    this.emitters.set(key, false);
    let found = false;
    const imported = this.files.get(file)?.imports.find((entry) => entry.local === name);
    if (imported && EMITTER_CLASS.test(imported.imported)) found = true;
    const declared = depth <= MAX_DEPTH ? this.find(file, name) : undefined;
    if (declared) found = !declared.fact.emits && declared.fact.extends !== undefined && this.isEmitter(declared.file, declared.fact.extends, depth + 1);
    this.emitters.set(key, found);
    return found;
  }

  private exported(file: string, exported: string, depth: number): ProjectClass | undefined {
    const facts = this.files.get(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    const fact = facts.classes.find((candidate) => candidate.name === exported);
    if (fact) return { file, fact };
    for (const entry of facts.exports) {
      if (entry.exported !== exported) continue;
      if (entry.local !== undefined) return this.find(file, entry.local, depth + 1);
      const target = entry.module && entry.imported !== '*' ? this.resolver.resolveModule(file, entry.module) : undefined;
      if (target) return this.exported(target, entry.imported ?? exported, depth + 1);
    }
    for (const entry of facts.exports) {
      if (entry.exported !== '*' || !entry.module) continue;
      const target = this.resolver.resolveModule(file, entry.module);
      const found = target && this.exported(target, exported, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
}
