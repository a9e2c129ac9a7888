import type { Range } from '../../core/finding.js';

/**
 * A message type as written at a use site, resolved project-wide in `run`:
 * a literal (`'join'`, `0`), a member of a namespace-like name (`MessageType.JOIN`, `proto.messageSync`)
 * or a bare constant (`messageSync`).
 */
export type ValueRef =
  | { kind: 'literal'; value: string | number }
  | { kind: 'member'; ns: string; member: string }
  | { kind: 'const'; name: string }
  /** A string put together from parts: `prefix + 'running'`, `` `${prefix}running` ``. */
  | { kind: 'concat'; parts: ValueRef[] };

export interface CatalogMemberFact {
  name: string;
  /** The literal value; `null` when it is computed and cannot be known syntactically. */
  value: string | number | null;
  range: Range;
}

/** An enum, a const object of literals (`as const`, `Object.freeze` or plain) or a string-literal union. */
export interface CatalogFact {
  name: string;
  kind: 'enum' | 'object' | 'union';
  exported: boolean;
  range: Range;
  members: CatalogMemberFact[];
}

/** `const X = <literal | member | const>`, at the top level of a module. */
export interface ConstFact {
  name: string;
  value: ValueRef;
  exported: boolean;
  /** A function that returns messages of this one type (`function hubState() { return { type: 'hub_state' } }`). */
  builder?: true;
}

/** `imported` is the exported name, `default`, or `*` for a namespace import / whole-module require. */
export interface ImportFact {
  local: string;
  module: string;
  imported: string;
}

/** `export { local as exported }`, `export { imported as exported } from 'module'`, `export * from 'module'`. */
export interface ExportFact {
  exported: string;
  local?: string;
  module?: string;
  imported?: string;
}

/** How a message type travels at a send: the shape decides which reserved names are ignored. */
/**
 * `typeArgument`: the type is the call's first argument, as in Colyseus's `room.send('move', data)`. `inProcess`:
 * made or dispatched in-process rather than sent (`return { type: 'noop' }`, `registry.emit('x')`). `made`: written
 * into a message we do not see sent (`packet.type = PacketType.BINARY_EVENT`, `{ type }` given to a function we
 * cannot follow).
 */
export type SendVia = 'send' | 'emit' | 'typeArgument' | 'postMessage' | 'call' | 'writer' | 'inProcess' | 'made';

export interface SendFact {
  value: ValueRef;
  range: Range;
  via: SendVia;
  /** The enclosing class/function names, for a fingerprint that survives line moves. */
  context: string;
  /** The property holding the type (`type` in `{ type: T }`), or `#event` for an event name; absent: unknown. */
  field?: string;
  /**
   * For a message inside another (`{ type: 'COLLABROOM', data: { type: 'NEW_CHANGES' } }`): the socket event it
   * travels on, else the outer message's type. See `CallFact.topic`.
   */
  topic?: ValueRef;
  /** For `x.emit(T)`: the class `x` is declared as (`client: MatrixClient`); an EventEmitter's events stay in-process. */
  receiverType?: string;
}

/**
 * A call that may reach a send through a wrapper function, decided in `run`:
 * - `shape: 'object'`: argument `argIndex` is an object literal whose discriminant is the type;
 * - `shape: 'value'`: argument `argIndex` is the type itself.
 * Either `value` (a concrete type) or `param` (the enclosing wrapper's parameter index, a forward) is set.
 */
export interface CallFact {
  callee: string;
  method: boolean;
  sendish: boolean;
  argIndex: number;
  shape: 'object' | 'value';
  value?: ValueRef;
  param?: number;
  /** Key of the enclosing function in `wrappers`, set for forwards. */
  wrapper?: string;
  range: Range;
  context: string;
  /** For `shape: 'object'`: the property holding the type (see `SendFact.field`). */
  field?: string;
  /** For `this.x(...)`: the function field `x` was given (`this.x = options.x ?? postToHost`). */
  fieldFunction?: string;
  /** For a message object after a first argument naming where it goes: `bus.publish('multi-cache', { type })`. */
  topic?: ValueRef;
  /** For `this.x(...)` where the enclosing class declares `x` itself: that class, whose `x` it calls. */
  owner?: string;
  /** For `x.m(...)`: the class `x` is declared as (`iframeProtocol: IFrameProtocol`), whose `m` it calls if the project has it. */
  receiverType?: string;
}

/** A function or method whose parameter reaches a send in its own body. */
export interface WrapperFact {
  key: string;
  name: string;
  method: boolean;
  /** For a method: the class declaring it. */
  owner?: string;
  /** Parameter index -> how it reaches the send: it is the message object, or its type. */
  params: Array<{ index: number; how: 'object' | 'type' }>;
}

export type HandlerGroupKind = 'switch' | 'if' | 'record' | 'map' | 'index' | 'on' | 'register';

/** One construct that routes messages: a switch, an if chain, a handler record, `x.on` calls of one receiver... */
export interface HandlerGroupFact {
  id: number;
  kind: HandlerGroupKind;
  range: Range;
  exported: boolean;
  /** For records whose keys are plain names: handlers only if looked up by a message type somewhere. */
  needsLookup?: string;
  /** The property a switch or condition reads (`kind` in `switch (entry.kind)`), or `#event` for `.on(T)` listeners. */
  field?: string;
  /**
   * Conditions of a function that also passes the type on (`getWebhooks(data.event)`): it serves every type, and
   * its `if (data.event === 'x')` tests only add work for some.
   */
  generic?: true;
  /** For `x.on(T, fn)`: the class `x` is declared as (see `SendFact.receiverType`). */
  receiverType?: string;
}

export interface HandlerFact {
  value: ValueRef;
  range: Range;
  group: number;
  via: 'case' | 'key' | 'on';
  context: string;
}

/** An entry of a map that renames incoming types: `{ chat: MessageType.USER_MESSAGE }`. */
export interface AliasFact {
  from: string;
  to: ValueRef;
  map: string;
  mapRange: Range;
}

/** A class declared in the file: what it extends, what it implements, and whether it declares its own `emit`. */
export interface ClassFact {
  name: string;
  extends?: string;
  /** The methods it implements (and fields given a function), sorted. */
  methods: string[];
  emits?: true;
}

export interface MessageFacts {
  catalogs: CatalogFact[];
  classes: ClassFact[];
  consts: ConstFact[];
  imports: ImportFact[];
  exports: ExportFact[];
  sends: SendFact[];
  calls: CallFact[];
  wrappers: WrapperFact[];
  handlerGroups: HandlerGroupFact[];
  handlers: HandlerFact[];
  aliases: AliasFact[];
  /** Names looked up by a message type: `handlers[msg.type]`. */
  lookups: string[];
  /** Type names used as the type of a discriminant property (`type: MessageType`). */
  discriminantTypes: string[];
  /** Every `Ns.member` read in a value position, as `ns.member`, sorted and deduplicated. */
  memberRefs: string[];
  /** Every short string literal outside catalog declarations, sorted and deduplicated. */
  literals: string[];
}
