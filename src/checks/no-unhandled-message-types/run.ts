import { compareStrings, type FindingDraft, type Range, type RelatedLocation } from '../../core/finding.js';
import { projectPathOf, type CheckIndex } from '../types.js';
import type { CatalogFact, HandlerGroupFact, MessageFacts, SendVia, ValueRef } from './facts.js';
import { ProjectClasses } from './project-classes.js';
import { globMatcher } from './glob.js';
import { TypeSet, sameType } from './keys.js';
import type { MessageTypesOptions } from './options.js';
import { RESERVED_EVENTS, isCatalogName, isGenericTypeKey, isSentinelMember } from './patterns.js';
import { Resolver, type ResolvedType } from './resolve.js';
import { closestType, type Candidate } from './similarity.js';
import { WrapperIndex } from './wrappers.js';

interface Send {
  file: string;
  /**
   * Seen only through a callee named like a sender that we cannot follow (`this.sendPacket('ping')`), or made
   * in-process (an object a function returns, an EventEmitter's `emit`): enough to keep a handler alive, never reported and never proof that a receiver
   * exists.
   */
  weak: boolean;
  /** Made in-process: an object a function returns, an entry pushed into a collection, an EventEmitter's event. */
  inProcess: boolean;
  /** Sends through one wrapper travel one channel, whichever file calls it: `via:sendMessage`. */
  channel: string;
  type: ResolvedType;
  range: Range;
  context: string;
  test: boolean;
  /** See `SendFact.field`. */
  field: string | undefined;
  /** Where a published message goes (`bus.publish('flows', { type })`), resolved; undefined when not named. */
  topic?: string;
}

interface Group {
  file: string;
  fact: HandlerGroupFact;
  test: boolean;
}

interface Handler {
  file: string;
  /** Makes its type handled, but is never reported as dead (see `handlersOf`). */
  neverDead: boolean;
  type: ResolvedType;
  range: Range;
  context: string;
  group: Group;
}

/**
 * A test against a type put together from something unknown: `` response.type === `${id}/response` ``. It may handle
 * any type it can match (`'vscode:get-file/response'`), so no such send is reported.
 */
interface Pattern {
  file: string;
  regex: RegExp;
}

interface Alias {
  from: string;
  to: ResolvedType;
  map: string;
  file: string;
  mapRange: Range;
}

/** One direction of traffic: the sends it carries and the handlers that receive them. */
interface Scope {
  sends: Send[];
  handlers: Handler[];
  patterns: Pattern[];
  sentKeys: TypeSet;
  handledKeys: TypeSet;
  /** Files that handle every type they send: peers of one symmetric protocol (tabs over a BroadcastChannel). */
  symmetricFiles: Set<string>;
}

const MAX_LISTED = 3;

/** Sends, handlers and aliases of one file, resolved against the whole project. */
interface FileTraffic {
  sends: Send[];
  handlers: Handler[];
  patterns: Pattern[];
  aliases: Alias[];
}

/**
 * Every file's traffic concatenated in file order, and where each file's part lies in it: answering for one
 * re-edited file swaps that part instead of concatenating thousands of files again.
 */
interface ProjectTraffic extends FileTraffic {
  spans: Map<string, { sends: [number, number]; handlers: [number, number]; patterns: [number, number]; aliases: [number, number] }>;
  /** Files (tests aside) that declare catalogs, in file order: the only ones whose declarations can be unused. */
  catalogFiles: string[];
}

/** Everything `run` resolves across files, kept so that one re-edited file can be answered for alone. */
export interface MessagesModel {
  options: MessageTypesOptions;
  files: ReadonlyMap<string, MessageFacts>;
  sortedFiles: string[];
  resolver: Resolver;
  wrappers: WrapperIndex;
  classes: ProjectClasses;
  isTest: (file: string) => boolean;
  lookedUp: Set<string>;
  traffic: ProjectTraffic;
  findings: FindingDraft[];
  linkKeys: Map<string, string>;
}

export function runMessageCheck(index: CheckIndex<MessageFacts>, options: MessageTypesOptions): FindingDraft[] {
  return linkMessageCheck(index, options).findings;
}

export function linkMessageCheck(index: CheckIndex<MessageFacts>, options: MessageTypesOptions): MessagesModel {
  const files = new Map(index.files.map((entry) => [entry.file, entry.facts] as const));
  const projectPaths = new Map(index.files.map((entry) => [entry.file, projectPathOf(entry)] as const));
  const resolver = new Resolver(files);
  const classes = new ProjectClasses(files, resolver);
  const wrappers = new WrapperIndex(files, resolver, classes);
  const sortedFiles = [...files.keys()].sort(compareStrings);
  const matchesTest = globMatcher(options.testFiles);
  const tests = new Map<string, boolean>();
  const isTest = (file: string): boolean => {
    let test = tests.get(file);
    if (test === undefined) tests.set(file, (test = matchesTest(projectPaths.get(file) ?? file)));
    return test;
  };
  const model: MessagesModel = {
    options,
    files,
    sortedFiles,
    resolver,
    wrappers,
    classes,
    isTest,
    lookedUp: lookedUpNames(sortedFiles, files, resolver),
    traffic: { sends: [], handlers: [], patterns: [], aliases: [], spans: new Map(), catalogFiles: [] },
    findings: [],
    linkKeys: new Map(),
  };
  const { traffic } = model;
  for (const file of sortedFiles) {
    const own = trafficOf(model, file, files.get(file)!);
    const span = (list: unknown[], part: unknown[]): [number, number] => [list.length, list.length + part.length];
    traffic.spans.set(file, {
      sends: span(traffic.sends, own.sends),
      handlers: span(traffic.handlers, own.handlers),
      patterns: span(traffic.patterns, own.patterns),
      aliases: span(traffic.aliases, own.aliases),
    });
    for (const send of own.sends) traffic.sends.push(send);
    for (const handler of own.handlers) traffic.handlers.push(handler);
    for (const pattern of own.patterns) traffic.patterns.push(pattern);
    for (const alias of own.aliases) traffic.aliases.push(alias);
    if (!isTest(file) && files.get(file)!.catalogs.length > 0) traffic.catalogFiles.push(file);
  }
  model.findings = findingsOf(model, (file) => files.get(file)!, traffic);
  return model;
}

/**
 * The findings in `file` with its facts replaced. Exact when nothing other files can see changed: its
 * exports, wrappers, forwarding calls and lookups (compared whole), and its catalogs, constants and imports
 * (compared by name: a name nobody looked up, while linking or while answering now, changes nothing).
 */
export function reportMessageCheck(model: MessagesModel, file: string, facts: MessageFacts | undefined): FindingDraft[] | undefined {
  const linked = model.files.get(file);
  if (linked === undefined || facts === undefined) return undefined;
  if (linked === facts) return model.findings.filter((finding) => finding.file === file);
  let key = model.linkKeys.get(file);
  if (key === undefined) model.linkKeys.set(file, (key = linkKey(linked)));
  if (key !== linkKey(facts)) return undefined;
  const changed = changedNames(linked, facts);
  const asked = model.resolver.asked;
  const stale = (): boolean => changed.some((name) => asked.has(name));
  if (stale()) return undefined;
  const findings = findingsOf(model, (other) => (other === file ? facts : model.files.get(other)!), withFileTraffic(model, file, facts));
  // Answering may have looked up names the link did not (a new send naming a changed constant).
  if (stale()) return undefined;
  return findings.filter((finding) => finding.file === file);
}

/** What other files see of a file, compared whole. */
function linkKey(facts: MessageFacts): string {
  const forwards = facts.calls.flatMap((call) => (call.param === undefined ? [] : [{ ...call, range: undefined, context: undefined }]));
  return JSON.stringify([facts.exports, facts.wrappers, forwards, facts.lookups, facts.classes]);
}

/** Names of catalogs, constants and import bindings that differ between two versions of a file's facts. */
function changedNames(before: MessageFacts, after: MessageFacts): string[] {
  const changed = new Set<string>();
  const compare = <T>(a: readonly T[], b: readonly T[], nameOf: (item: T) => string, shape: (item: T) => unknown): void => {
    const group = (items: readonly T[]): Map<string, unknown[]> => {
      const byName = new Map<string, unknown[]>();
      for (const item of items) {
        const list = byName.get(nameOf(item));
        if (list) list.push(shape(item));
        else byName.set(nameOf(item), [shape(item)]);
      }
      return byName;
    };
    const left = group(a);
    const right = group(b);
    for (const name of new Set([...left.keys(), ...right.keys()])) {
      if (JSON.stringify(left.get(name)) !== JSON.stringify(right.get(name))) changed.add(name);
    }
  };
  const catalogShape = (catalog: CatalogFact) => [catalog.kind, catalog.exported, catalog.members.map((member) => [member.name, member.value])];
  compare(before.catalogs, after.catalogs, (catalog) => catalog.name, catalogShape);
  compare(before.consts, after.consts, (constant) => constant.name, (constant) => constant);
  compare(before.imports, after.imports, (entry) => entry.local, (entry) => entry);
  return [...changed];
}

/** The project's traffic with one file's part replaced by that of its new facts. */
function withFileTraffic(model: MessagesModel, file: string, facts: MessageFacts): ProjectTraffic {
  const linked = model.traffic;
  const own = trafficOf(model, file, facts);
  const span = linked.spans.get(file)!;
  const swap = <T>(list: T[], [start, end]: [number, number], part: T[]): T[] => list.slice(0, start).concat(part, list.slice(end));
  const catalogFiles = linked.catalogFiles.filter((other) => other !== file);
  if (!model.isTest(file) && facts.catalogs.length > 0) {
    const at = catalogFiles.findIndex((other) => compareStrings(other, file) > 0);
    catalogFiles.splice(at < 0 ? catalogFiles.length : at, 0, file);
  }
  return {
    sends: swap(linked.sends, span.sends, own.sends),
    handlers: swap(linked.handlers, span.handlers, own.handlers),
    patterns: swap(linked.patterns, span.patterns, own.patterns),
    aliases: swap(linked.aliases, span.aliases, own.aliases),
    // Only the full project's traffic is ever answered from.
    spans: new Map(),
    catalogFiles,
  };
}

/** Sends, handlers and aliases of one file: its own facts, other files' through the model. */
function trafficOf(model: MessagesModel, file: string, facts: MessageFacts): FileTraffic {
  const handlers = handlersOf(file, facts, model);
  return {
    sends: sendsOf(file, facts, model),
    handlers: handlers.handlers,
    patterns: handlers.patterns,
    aliases: aliasesOf(file, facts, model.resolver),
  };
}

/** The findings of the whole project from every file's traffic (in file order). */
function findingsOf(model: MessagesModel, factsOf: (file: string) => MessageFacts, traffic: ProjectTraffic): FindingDraft[] {
  const { options, sortedFiles, resolver } = model;
  const { sends, handlers, patterns, aliases } = traffic;
  const aliasByFrom = new Map<string, Alias>();
  for (const alias of aliases) if (!aliasByFrom.has(`s:${alias.from}`)) aliasByFrom.set(`s:${alias.from}`, alias);

  const channels = options.channels.map((channel) => ({ isSender: globMatcher(channel.senders), isHandler: globMatcher(channel.handlers) }));
  const scopeCache = new Map<string, Scope>();
  let unscoped: Scope | undefined;
  const scopeOf = (sendChannels: number[] | undefined, handlerChannels: number[] | undefined): Scope => {
    // Without channels (the default) every send and handler is in one scope: no key to build per call.
    if (!sendChannels && !handlerChannels) return (unscoped ??= buildScope(sends, handlers, patterns, aliasByFrom));
    const cacheKey = `${sendChannels?.join(',') ?? '*'}|${handlerChannels?.join(',') ?? '*'}`;
    let scope = scopeCache.get(cacheKey);
    if (!scope) {
      const scopedSends = sendChannels ? sends.filter((send) => sendChannels.some((i) => channels[i]!.isSender(send.file))) : sends;
      const inHandlerChannels = (file: string): boolean => handlerChannels === undefined || handlerChannels.some((i) => channels[i]!.isHandler(file));
      const scopedHandlers = handlers.filter((handler) => inHandlerChannels(handler.file));
      scope = buildScope(scopedSends, scopedHandlers, patterns.filter((pattern) => inHandlerChannels(pattern.file)), aliasByFrom);
      scopeCache.set(cacheKey, scope);
    }
    return scope;
  };
  const channelsWhere = (file: string, side: 'isSender' | 'isHandler'): number[] | undefined => {
    if (channels.length === 0) return undefined;
    const matched = channels.flatMap((channel, i) => (channel[side](file) ? [i] : []));
    return matched.length > 0 ? matched : undefined;
  };

  const inProcessGroups = groupsFedInProcess(sends, handlers);
  const findings: FindingDraft[] = [];
  const suggestedOrphans = new Set<Handler>();
  const occurrences = new Map<string, number>();
  const identity = (base: string): string => {
    const count = occurrences.get(base) ?? 0;
    occurrences.set(base, count + 1);
    return count === 0 ? base : `${base}#${count}`;
  };

  // Sent but unhandled.
  for (const send of sends) {
    if (send.test || send.weak) continue;
    const sendChannels = channelsWhere(send.file, 'isSender');
    const target = scopeOf(sendChannels, sendChannels);
    if (isHandled(send.type, target, aliasByFrom)) continue;
    const evidence = handlerEvidence(send, sends, target, sendChannels !== undefined, inProcessGroups);
    // A receiver that passes every type on handles this one too.
    if (evidence.length === 0 || evidence.some((group) => group.fact.generic)) continue;
    findings.push(unhandledFinding(send, evidence, target, aliases, suggestedOrphans, identity));
  }

  // Handled but never sent.
  const keysByGroup = new Map<Group, TypeSet>();
  for (const handler of handlers) {
    let keys = keysByGroup.get(handler.group);
    if (!keys) keysByGroup.set(handler.group, (keys = new TypeSet()));
    keys.add(handler.type);
  }
  for (const handler of handlers) {
    if (handler.group.test || (options.ignoreExportedHandlers && handler.group.fact.exported) || suggestedOrphans.has(handler)) continue;
    if (handler.neverDead) continue;
    const handlerChannels = channelsWhere(handler.file, 'isHandler');
    const scope = scopeOf(handlerChannels, handlerChannels);
    if (scope.sentKeys.has(handler.type)) continue;
    const evidence = senderEvidence(handler, keysByGroup.get(handler.group)!, scope, handlerChannels !== undefined);
    if (evidence.length === 0) continue;
    findings.push({
      severity: 'warning',
      message: `${handler.type.display} is handled here but nothing in the project sends it. The other types handled here are sent from ${listLocations(evidence)}.`,
      file: handler.file,
      range: handler.range,
      related: evidence.slice(0, MAX_LISTED).map((send) => ({ ...at(send.file, send.range), message: `sends ${send.type.display}` })),
      identity: identity(`dead:${handler.type.key}:${handler.context}`),
    });
  }

  if (options.reportUnusedDeclarations) findings.push(...unusedDeclarations(sortedFiles, factsOf, resolver, sends, handlers, aliases, traffic.catalogFiles));
  return findings.sort((a, b) => compareStrings(a.file, b.file) || a.range.line - b.range.line || a.range.column - b.range.column || compareStrings(a.message, b.message));
}

function at(file: string, range: Range): { file: string; line: number; column: number } {
  return { file, line: range.line, column: range.column };
}

function where(file: string, range: Range): string {
  return `${file}:${range.line}`;
}

function listLocations(items: ReadonlyArray<{ file: string; range: Range }>): string {
  const unique = [...new Set(items.map((item) => where(item.file, item.range)))];
  const shown = unique.slice(0, MAX_LISTED).join(', ');
  return unique.length > MAX_LISTED ? `${shown} and ${unique.length - MAX_LISTED} more` : shown;
}

/**
 * Collection methods: `this.undos.push({ type: 'stop' })` stores an entry in-process (unless the receiver's method
 * turns out to send, see `WrapperIndex`).
 */
const STORING_METHODS = new Set(['push', 'unshift', 'add', 'set', 'enqueue', 'append', 'insert']);

function sendsOf(file: string, facts: MessageFacts, model: MessagesModel): Send[] {
  const { resolver, wrappers, classes } = model;
  const test = model.isTest(file);
  const sends: Send[] = [];
  const add = (
    via: SendVia,
    ref: Parameters<Resolver['resolveValue']>[1],
    range: Range,
    context: string,
    weak: boolean,
    channel = `file:${file}`,
    field: string | undefined = undefined,
    topicRef: ValueRef | undefined = undefined,
  ): void => {
    const type = resolver.resolveValue(file, ref);
    if (!type) return;
    if (via === 'emit' && type.key.startsWith('s:') && RESERVED_EVENTS.has(type.key.slice(2))) return;
    const send: Send = { file, type, weak, inProcess: via === 'inProcess', channel, range, context, test, field };
    const topic = topicRef && resolver.resolveValue(file, topicRef);
    if (topic) send.topic = topic.key;
    sends.push(send);
  };
  for (const send of facts.sends) {
    // `client.emit(T)` where `client: MatrixClient` and MatrixClient extends EventEmitter: an in-process event.
    const via = send.receiverType !== undefined && classes.isEmitter(file, send.receiverType) ? 'inProcess' : send.via;
    add(via, send.value, send.range, send.context, via === 'inProcess' || via === 'made', undefined, send.field, send.topic);
  }
  for (const call of facts.calls) {
    if (!call.value) continue;
    if (wrappers.howReached(file, call)) add('call', call.value, call.range, call.context, false, `via:${call.method ? '.' : ''}${call.callee}`, call.field, call.topic);
    else if (call.sendish && call.shape === 'value' && call.argIndex === 0 && !wrappers.isKnown(file, call)) add('call', call.value, call.range, call.context, true);
    else if (call.shape === 'object') add(call.method && STORING_METHODS.has(call.callee) ? 'inProcess' : 'made', call.value, call.range, call.context, true, undefined, call.field);
  }
  return sends;
}

function handlersOf(file: string, facts: MessageFacts, model: MessagesModel): { handlers: Handler[]; patterns: Pattern[] } {
  const { resolver, lookedUp, classes } = model;
  const handlers: Handler[] = [];
  const patterns: Pattern[] = [];
  const groups = facts.handlerGroups.map((fact): Group => ({ file, fact, test: model.isTest(file) }));
  for (const handler of facts.handlers) {
    const group = groups[handler.group];
    if (!group) continue;
    if (group.fact.needsLookup !== undefined && !lookedUp.has(`${file}\0${group.fact.needsLookup}`)) continue;
    // `this.client.on(T, fn)` on an EventEmitter listens to in-process events, not to a socket.
    if (group.fact.receiverType !== undefined && classes.isEmitter(file, group.fact.receiverType)) continue;
    const type = resolver.resolveValue(file, handler.value);
    if (!type) {
      const regex = handler.value.kind === 'concat' ? patternOf(file, handler.value.parts, resolver) : undefined;
      if (regex) patterns.push({ file, regex });
      continue;
    }
    if (handler.via === 'on' && type.key.startsWith('s:') && RESERVED_EVENTS.has(type.key.slice(2))) continue;
    const { value } = handler;
    // A bare number (`case 2:`) names no protocol: it may belong to another one that shares the numbers. A
    // record's `close()` or `error()` is a lifecycle callback its owner calls by name (`handlers.close()`).
    const neverDead =
      (value.kind === 'literal' && typeof value.value === 'number') ||
      (group.fact.kind === 'record' && value.kind === 'literal' && RESERVED_EVENTS.has(String(value.value)));
    handlers.push({ file, type, neverDead, range: handler.range, context: handler.context, group });
  }
  return { handlers, patterns };
}

/** Literal text needed before a pattern counts: `${a}-${b}` would match nearly anything. */
const MIN_PATTERN_TEXT = 3;

/** `${id}/response` with `id` unknown: /^.+\/response$/, matching the types it may stand for. */
function patternOf(file: string, parts: ValueRef[], resolver: Resolver): RegExp | undefined {
  let source = '';
  let text = 0;
  for (const part of parts) {
    const resolved = resolver.resolveValue(file, part);
    if (resolved === undefined) {
      if (!source.endsWith('.+')) source += '.+';
      continue;
    }
    const literal = resolved.key.slice(2);
    text += literal.length;
    source += literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return text >= MIN_PATTERN_TEXT ? new RegExp(`^${source}$`) : undefined;
}

/** `file\0name` of every container looked up by a message type, here or in a file importing it. */
function lookedUpNames(sortedFiles: string[], files: ReadonlyMap<string, MessageFacts>, resolver: Resolver): Set<string> {
  const names = new Set<string>();
  for (const file of sortedFiles) {
    const facts = files.get(file)!;
    for (const name of facts.lookups) {
      names.add(`${file}\0${name}`);
      resolver.asked.add(name);
      const imported = facts.imports.find((entry) => entry.local === name);
      const target = imported && resolver.resolveModule(file, imported.module);
      if (target && imported) names.add(`${target}\0${imported.imported}`);
    }
  }
  return names;
}

function aliasesOf(file: string, facts: MessageFacts, resolver: Resolver): Alias[] {
  const aliases: Alias[] = [];
  for (const alias of facts.aliases) {
    const to = resolver.resolveValue(file, alias.to);
    // An alias must rename to a known message type: a catalog member, or a literal in an alias-named map.
    if (!to || (alias.to.kind === 'member' && !to.catalog)) continue;
    aliases.push({ from: alias.from, to, map: alias.map, file, mapRange: alias.mapRange });
  }
  return aliases;
}

function buildScope(sends: Send[], handlers: Handler[], patterns: Pattern[], aliasByFrom: ReadonlyMap<string, Alias>): Scope {
  const sentKeys = new TypeSet();
  for (const send of sends) {
    sentKeys.add(send.type);
    const alias = aliasByFrom.get(send.type.key);
    if (alias) sentKeys.add(alias.to);
  }
  const handledKeys = new TypeSet();
  for (const handler of handlers) handledKeys.add(handler.type);
  const handledInFile = new Set(handlers.map((handler) => `${handler.file}\0${handler.type.key}`));
  const asymmetricFiles = new Set(sends.filter((send) => !send.weak && !handledInFile.has(`${send.file}\0${send.type.key}`)).map((send) => send.file));
  const symmetricFiles = new Set(sends.filter((send) => !asymmetricFiles.has(send.file)).map((send) => send.file));
  return { sends, handlers, patterns, sentKeys, handledKeys, symmetricFiles };
}

function isHandled(type: ResolvedType, scope: Scope, aliasByFrom: ReadonlyMap<string, Alias>): boolean {
  if (scope.handledKeys.has(type)) return true;
  const alias = aliasByFrom.get(type.key);
  if (alias !== undefined && scope.handledKeys.has(alias.to)) return true;
  return type.key.startsWith('s:') && scope.patterns.some((pattern) => pattern.regex.test(type.key.slice(2)));
}

/**
 * Handler groups whose every type their own file makes in-process (`this.undos.push({ type: 'stop' })`, builders
 * returning `{ type: 'flush' }`): a switch over a class's own entries, no receiver of another file's messages.
 */
function groupsFedInProcess(sends: Send[], handlers: Handler[]): Set<Group> {
  const madeByFile = new Map<string, TypeSet>();
  for (const send of sends) {
    if (!send.inProcess) continue;
    let made = madeByFile.get(send.file);
    if (!made) madeByFile.set(send.file, (made = new TypeSet()));
    made.add(send.type);
  }
  const fed = new Set<Group>();
  const unfed = new Set<Group>();
  for (const handler of handlers) {
    if (madeByFile.get(handler.file)?.has(handler.type)) fed.add(handler.group);
    else unfed.add(handler.group);
  }
  for (const group of unfed) fed.delete(group);
  return fed;
}

/**
 * Proof that the receiving side of this send lives in the project: a handler group in another file that
 * handles another type sent from the same file. Without it (a client of a server that lives elsewhere),
 * an unhandled send is expected, not a bug. Sharing a catalog is no proof: one enum often lists both
 * directions, and the other direction's receiver may live in another repository. Nor is sharing a generic type
 * (see `senderEvidence`).
 */
function handlerEvidence(send: Send, sends: Send[], scope: Scope, inChannel: boolean, inProcessGroups: ReadonlySet<Group>): Group[] {
  const siblingKeys = new TypeSet();
  for (const other of sends) {
    if (other.test || other.weak || sameType(other.type, send.type) || (!inChannel && isGenericTypeKey(other.type.key))) continue;
    // Published to a named topic, a message's siblings are those of its topic (a bus carries many protocols).
    const sameChannel = send.topic !== undefined ? other.topic === send.topic : other.file === send.file || other.channel === send.channel;
    if (sameChannel) siblingKeys.add(other.type);
  }
  const groups = new Map<Group, true>();
  for (const handler of scope.handlers) {
    // A file that handles what it sends itself speaks a symmetric protocol: no proof of a separate receiver.
    if (handler.group.test || sameType(handler.type, send.type) || handler.file === send.file || inProcessGroups.has(handler.group)) continue;
    if (!sameField(send.field, handler.group.fact.field)) continue;
    if (siblingKeys.has(handler.type)) groups.set(handler.group, true);
  }
  return [...groups.keys()];
}

/**
 * Proof that the sending side of this handler lives in the project: another type it handles is sent from another
 * file. A generic type (`'error'`, `'done'`) is no proof unless a configured channel says the two files speak
 * one protocol: a switch over in-process events and a server writing to its own browser client share those
 * without being two sides of one protocol.
 */
function senderEvidence(handler: Handler, groupKeys: TypeSet, scope: Scope, inChannel: boolean): Send[] {
  return scope.sends.filter(
    (send) =>
      !send.test &&
      !send.weak &&
      send.file !== handler.file &&
      // A peer that handles all it sends itself proves no other receiver; a server relaying a client's type does.
      !scope.symmetricFiles.has(send.file) &&
      !sameType(send.type, handler.type) &&
      groupKeys.has(send.type) &&
      (inChannel || !isGenericTypeKey(send.type.key)) &&
      sameField(send.field, handler.group.fact.field),
  );
}

/**
 * Whether a send and a handler group can be two sides of one protocol by the property that holds the type:
 * `{ type: 'assistant_media' }` on a socket and `switch (entry.kind)` in a renderer cannot. Unknown matches all.
 */
function sameField(sent: string | undefined, handled: string | undefined): boolean {
  return sent === undefined || handled === undefined || sent === handled;
}

function unhandledFinding(
  send: Send,
  evidence: Group[],
  scope: Scope,
  aliases: Alias[],
  suggestedOrphans: Set<Handler>,
  identity: (base: string) => string,
): FindingDraft {
  const related: RelatedLocation[] = [];
  let message = `${send.type.display} is sent here but no handler maps it.`;

  const suggestion = suggestHandled(send, scope, evidence);
  if (suggestion) {
    const orphan = !scope.sentKeys.has(suggestion.type);
    message += ` Did you mean ${suggestion.type.display} (handled at ${where(suggestion.file, suggestion.range)}${orphan ? ', never sent' : ''})?`;
    related.push({ ...at(suggestion.file, suggestion.range), message: `handles ${suggestion.type.display}` });
    if (orphan) for (const handler of scope.handlers) if (handler.type.key === suggestion.type.key) suggestedOrphans.add(handler);
  }

  const groups = [...evidence].sort((a, b) => compareStrings(a.file, b.file) || a.fact.range.line - b.fact.range.line);
  message += ` Handlers: ${listLocations(groups.map((group) => ({ file: group.file, range: group.fact.range })))}.`;
  for (const group of groups.slice(0, MAX_LISTED)) related.push({ ...at(group.file, group.fact.range), message: 'handler' });

  const handledByEvidence = new Set(scope.handlers.filter((handler) => evidence.includes(handler.group)).map((handler) => handler.type.key));
  const maps = new Map<string, Alias>();
  for (const alias of aliases) if (handledByEvidence.has(alias.to.key) && !maps.has(`${alias.file}\0${alias.map}`)) maps.set(`${alias.file}\0${alias.map}`, alias);
  for (const alias of [...maps.values()].slice(0, 2)) {
    message += ` The alias map ${alias.map} (${where(alias.file, alias.mapRange)}) has no entry for it.`;
    related.push({ ...at(alias.file, alias.mapRange), message: `alias map ${alias.map}` });
  }

  return { severity: 'error', message, file: send.file, range: send.range, related, identity: identity(`unhandled:${send.type.key}:${send.context}`) };
}

/**
 * Typos and respellings may match any handler in scope; a shared word (`execute_agent` / `start_agent`)
 * only counts for an orphan: a type that the handlers receiving this file's other sends map, but that
 * nothing sends.
 */
function suggestHandled(send: Send, scope: Scope, evidence: Group[]): Handler | undefined {
  if (!send.type.key.startsWith('s:')) return undefined;
  const byName = new Map<string, Handler>();
  const orphans = new Set<string>();
  for (const handler of scope.handlers) {
    if (handler.group.test || !handler.type.key.startsWith('s:')) continue;
    const name = handler.type.key.slice(2);
    if (evidence.includes(handler.group) && !scope.sentKeys.has(handler.type)) orphans.add(name);
    const existing = byName.get(name);
    if (!existing || compareStrings(where(handler.file, handler.range), where(existing.file, existing.range)) < 0) byName.set(name, handler);
  }
  const candidates: Candidate[] = [...byName.keys()].sort(compareStrings).map((name) => ({ name, orphan: orphans.has(name) }));
  const best = closestType(send.type.key.slice(2), candidates);
  return best && byName.get(best.name);
}

function unusedDeclarations(
  sortedFiles: string[],
  factsOf: (file: string) => MessageFacts,
  resolver: Resolver,
  sends: Send[],
  handlers: Handler[],
  aliases: Alias[],
  catalogFiles: readonly string[],
): FindingDraft[] {
  const liveSends = sends.filter((send) => !send.test && !send.weak);
  const liveHandlers = handlers.filter((handler) => !handler.group.test);
  const used = new Set<string>([...sends.map((send) => send.type.key), ...handlers.map((handler) => handler.type.key)]);
  for (const alias of aliases) {
    used.add(`s:${alias.from}`);
    used.add(alias.to.key);
  }
  // Where each catalog and each key is sent and handled: a catalog is in use on both sides only when one file
  // sends what another handles (a client of a third-party server sends and handles in one file).
  const filesBy = <T,>(items: T[], keysOf: (item: T) => string[], fileOf: (item: T) => string): Map<string, Set<string>> => {
    const map = new Map<string, Set<string>>();
    for (const item of items) for (const key of keysOf(item)) map.set(key, (map.get(key) ?? new Set()).add(fileOf(item)));
    return map;
  };
  const sendFiles = filesBy(liveSends, (send) => (send.type.catalog ? [send.type.catalog, send.type.key] : [send.type.key]), (send) => send.file);
  const handlerFiles = filesBy(liveHandlers, (handler) => (handler.type.catalog ? [handler.type.catalog, handler.type.key] : [handler.type.key]), (handler) => handler.file);
  const filesOf = (map: Map<string, Set<string>>, keys: string[]) => new Set(keys.flatMap((key) => [...(map.get(key) ?? [])]));
  const acrossFiles = (senders: Set<string>, receivers: Set<string>) => [...senders].some((sender) => [...receivers].some((receiver) => receiver !== sender));
  // Project-wide mentions, gathered only once a catalog is used on both sides (most projects have none).
  let mentions: { discriminantTypes: Set<string>; literals: Set<string>; refsByMember: Map<string, Array<{ file: string; ns: string }>> } | undefined;
  const mentionsOf = () => {
    if (mentions) return mentions;
    const discriminantTypes = new Set(sortedFiles.flatMap((file) => factsOf(file).discriminantTypes));
    // Mentions outside sends and handlers (a type passed around, compared in a helper) keep a member alive.
    const literals = new Set<string>();
    const refsByMember = new Map<string, Array<{ file: string; ns: string }>>();
    for (const file of sortedFiles) {
      const facts = factsOf(file);
      for (const literal of facts.literals) literals.add(literal);
      for (const ref of facts.memberRefs) {
        const dot = ref.indexOf('.');
        const member = ref.slice(dot + 1);
        const list = refsByMember.get(member) ?? [];
        list.push({ file, ns: ref.slice(0, dot) });
        refsByMember.set(member, list);
      }
    }
    return (mentions = { discriminantTypes, literals, refsByMember });
  };

  const findings: FindingDraft[] = [];
  for (const file of catalogFiles) {
    for (const catalog of factsOf(file).catalogs) {
      const id = `${file}#${catalog.name}`;
      const keys = catalog.members.flatMap((member) => (member.value === null ? [] : [member.value]));
      const keyStrings = keys.map((value) => (typeof value === 'number' ? `n:${value}` : `s:${value}`));
      const lookup = catalog.kind === 'union' ? keyStrings : [id];
      const bothSides = acrossFiles(filesOf(sendFiles, lookup), filesOf(handlerFiles, lookup));
      if (!bothSides) continue;
      if (!isCatalogName(catalog.name) && !mentionsOf().discriminantTypes.has(catalog.name) && catalog.kind === 'union') continue;
      const { literals, refsByMember } = mentionsOf();
      for (const member of catalog.members) {
        if (member.value === null || isSentinelMember(member.name, member.value)) continue;
        const key = typeof member.value === 'number' ? `n:${member.value}` : `s:${member.value}`;
        if (used.has(key) || (typeof member.value === 'string' && literals.has(member.value))) continue;
        const mentioned = (refsByMember.get(member.name) ?? []).some((ref) => ref.ns === catalog.name || resolver.catalogOf(ref.file, ref.ns) === id);
        if (mentioned && catalog.kind !== 'union') continue;
        const display = catalog.kind === 'union' ? `'${member.value}'` : `${catalog.name}.${member.name} (${typeof member.value === 'number' ? member.value : `'${member.value}'`})`;
        findings.push({
          severity: 'warning',
          message: `${display} is declared as a message type but nothing in the project sends or handles it.`,
          file,
          range: member.range,
          related: [],
          identity: `unused:${catalog.name}.${member.name}`,
        });
      }
    }
  }
  return findings;
}
