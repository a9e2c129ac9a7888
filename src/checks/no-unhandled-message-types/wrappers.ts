import type { CallFact, MessageFacts } from './facts.js';
import type { ProjectClasses } from './project-classes.js';
import type { Resolver } from './resolve.js';

export type ParamHow = 'object' | 'type';

/** Which arguments of a callee reach a send, and how. */
export type SinkParams = ReadonlyArray<{ index: number; how: ParamHow }>;

const MAX_ROUNDS = 12;
/**
 * Method names that arrays, maps, stores and query APIs share (`rows.push({ type })`, `repo.create({ type })`,
 * `db.findAll(cls, { type })`): one class's `push()` that sends says nothing about every other `push()`. Such a
 * method is a wrapper only for calls in its own file.
 */
const SHARED_METHOD_NAMES =
  /^(?:push|unshift|add|set|get|has|delete|remove|insert|update|upsert|create|put|append|find\w*|open\w*|close|next|resolve|reject|apply|call|handle|process|run|execute|event)$/;

/**
 * Functions whose parameter reaches a send, across files: direct wrappers from the facts, then
 * wrappers of wrappers, to a fixed point. `this.x(...)` in a class declaring `x` calls that method; other methods
 * are matched by name project-wide (`client.sendMessage(...)`), but for names every collection has (`push`,
 * `create`), matched in their own file; plain functions through imports, or by a name declared once in the project.
 */
export class WrapperIndex {
  private readonly methods = new Map<string, Array<{ index: number; how: ParamHow }>>();
  /** `file\0name` -> params, for the methods named in {@link SHARED_METHOD_NAMES}. */
  private readonly sharedNameMethods = new Map<string, Array<{ index: number; how: ParamHow }>>();
  private readonly functions = new Map<string, Array<{ index: number; how: ParamHow }>>();
  /** `file\0class\0name` -> params: what `this.name(...)` reaches inside a class that declares `name` itself. */
  private readonly ownMethods = new Map<string, Array<{ index: number; how: ParamHow }>>();
  /** Method name -> `file\0class` of each class implementing it. */
  private readonly implementers = new Map<string, string[]>();
  private readonly functionNames = new Map<string, string | null>();
  /** `file\0exported` -> the function it names (through re-exports), for imports resolved at every call site. */
  private readonly exportedFunctions = new Map<string, { file: string; name: string } | null>();

  constructor(
    private readonly files: ReadonlyMap<string, MessageFacts>,
    private readonly resolver: Resolver,
    private readonly classes: ProjectClasses,
  ) {
    for (const [file, facts] of files) {
      for (const declared of facts.classes) {
        for (const method of declared.methods) this.implementers.set(method, [...(this.implementers.get(method) ?? []), `${file}\0${declared.name}`]);
      }
      for (const wrapper of facts.wrappers) {
        for (const param of wrapper.params) this.add(wrapper.method, file, wrapper.name, param.index, param.how, wrapper.owner);
        if (!wrapper.method) this.functionNames.set(wrapper.name, this.functionNames.has(wrapper.name) && this.functionNames.get(wrapper.name) !== file ? null : file);
      }
    }
    this.propagate();
  }

  private add(method: boolean, file: string, name: string, index: number, how: ParamHow, owner?: string): boolean {
    if (owner !== undefined) addParam(this.ownMethods, `${file}\0${owner}\0${name}`, index, how);
    const sharedName = method && SHARED_METHOD_NAMES.test(name);
    const map = sharedName ? this.sharedNameMethods : method ? this.methods : this.functions;
    return addParam(map, method && !sharedName ? name : `${file}\0${name}`, index, how);
  }

  /** A forward (`function relay(m) { send(m) }`) makes the enclosing function a wrapper too. */
  private propagate(): void {
    const sortedFiles = [...this.files.keys()].sort();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let changed = false;
      for (const file of sortedFiles) {
        const facts = this.files.get(file)!;
        for (const call of facts.calls) {
          if (call.param === undefined || call.wrapper === undefined) continue;
          const how = this.howReached(file, call);
          if (!how) continue;
          const wrapper = facts.wrappers.find((candidate) => candidate.key === call.wrapper);
          if (wrapper?.name && this.add(wrapper.method, file, wrapper.name, call.param, how, wrapper.owner)) changed = true;
        }
      }
      if (!changed) return;
    }
  }

  /** How the argument of this call reaches a send, or undefined if it does not. */
  howReached(file: string, call: CallFact): ParamHow | undefined {
    const params = this.paramsOfCall(file, call);
    if (params) {
      const param = params.find((candidate) => candidate.index === call.argIndex);
      if (!param) return undefined;
      if (call.shape === 'object') return param.how === 'object' ? 'type' : undefined;
      // A concrete value passed where the whole message goes is a payload, not a type; a forwarded
      // parameter takes on whatever role the callee gives it.
      return call.param !== undefined || param.how === 'type' ? param.how : undefined;
    }
    // A callee we cannot see but whose name says it sends, given a message object: `reply({ type })`.
    return call.sendish && call.shape === 'object' ? 'type' : undefined;
  }

  /** True when the callee resolves to a function we can see, which then decides by itself. */
  isKnown(file: string, call: CallFact): boolean {
    return this.paramsOfCall(file, call) !== undefined;
  }

  /**
   * `this.x(...)` in a class declaring `x`: that method (no other class's `x`); else a method of that name; else,
   * for `this.x(...)` where field `x` was given a function, that function.
   */
  private paramsOfCall(file: string, call: CallFact): SinkParams | undefined {
    if (!call.method) return this.functionParams(file, call.callee);
    if (call.owner !== undefined) return this.ownMethods.get(`${file}\0${call.owner}\0${call.callee}`);
    if (call.receiverType !== undefined) {
      // `this.iframeProtocol.dispatch(m)` with `iframeProtocol: IFrameProtocol`: that class's (or a base's) method.
      const { classes, complete } = this.classes.lineage(file, call.receiverType);
      for (const owner of classes) {
        const params = this.ownMethods.get(`${owner.file}\0${owner.fact.name}\0${call.callee}`);
        if (params) return params;
      }
      if (classes.length > 0 && complete) return undefined;
    }
    const method = SHARED_METHOD_NAMES.test(call.callee) ? this.sharedNameMethods.get(`${file}\0${call.callee}`) : this.unambiguousMethod(call.callee);
    return method ?? (call.fieldFunction === undefined ? undefined : this.functionParams(file, call.fieldFunction));
  }

  /**
   * A method by name, unless a class implements one of that name that does not send: `client.dispatch(m)` on an
   * untyped `client` may be SandpackNode's dispatch (a receiver) as well as StaticClient's (a forwarder).
   */
  private unambiguousMethod(name: string): SinkParams | undefined {
    const params = this.methods.get(name);
    const implementers = params && this.implementers.get(name);
    if (implementers?.some((owner) => !this.ownMethods.has(`${owner}\0${name}`))) return undefined;
    return params;
  }

  private functionParams(file: string, callee: string): SinkParams | undefined {
    const local = this.functions.get(`${file}\0${callee}`);
    if (local) return local;
    const facts = this.files.get(file);
    this.resolver.asked.add(callee);
    const imported = facts?.imports.find((entry) => entry.local === callee);
    if (imported) {
      const target = this.resolver.resolveModule(file, imported.module);
      if (target) {
        const key = `${target}\0${imported.imported}`;
        let name = this.exportedFunctions.get(key);
        if (name === undefined) this.exportedFunctions.set(key, (name = this.exportedFunctionName(target, imported.imported, 0) ?? null));
        return name ? this.functions.get(`${name.file}\0${name.name}`) : undefined;
      }
      const unique = this.functionNames.get(imported.imported);
      return unique ? this.functions.get(`${unique}\0${imported.imported}`) : undefined;
    }
    return undefined;
  }

  private exportedFunctionName(file: string, exported: string, depth: number): { file: string; name: string } | undefined {
    const facts = this.files.get(file);
    if (!facts || depth > 8) return undefined;
    for (const entry of facts.exports) {
      if (entry.exported === exported && entry.local !== undefined) return { file, name: entry.local };
      if (entry.exported === exported && entry.module && entry.imported !== '*') {
        const target = this.resolver.resolveModule(file, entry.module);
        if (target) return this.exportedFunctionName(target, entry.imported ?? exported, depth + 1);
      }
    }
    if (facts.wrappers.some((wrapper) => !wrapper.method && wrapper.name === exported)) return { file, name: exported };
    for (const entry of facts.exports) {
      if (entry.exported !== '*' || !entry.module) continue;
      const target = this.resolver.resolveModule(file, entry.module);
      const found = target && this.exportedFunctionName(target, exported, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
}

function addParam(map: Map<string, Array<{ index: number; how: ParamHow }>>, key: string, index: number, how: ParamHow): boolean {
  const params = map.get(key) ?? [];
  if (params.some((param) => param.index === index && param.how === how)) return false;
  params.push({ index, how });
  map.set(key, params);
  return true;
}
