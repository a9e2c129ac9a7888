/** Receivers whose `.emit` / `.on` carry application messages (socket.io, ws, browser WebSocket, channels). */
const SOCKET_NAME = /socket|^wss?$|^io$|^nsp$|namespace$|client$|^conn(ection)?$|^peer$|channel$|^room$/i;

/** Constructors and factories whose result is a socket-like object. */
export const SOCKET_CLASS = /WebSocket|^Server$|SocketServer$|^Socket$|^Namespace$|^SocketIO/;
export const SOCKET_FACTORY = /^(io|connect|socketIOClient|socketio|createSocket|lookup)$/;

export function isSocketName(name: string, extra: readonly string[]): boolean {
  return SOCKET_NAME.test(name) || extra.includes(name);
}

/** Calls that narrow a socket.io target without changing what it is: `io.to(room).emit`. */
export const SOCKET_NARROWING_CALLS = new Set(['to', 'in', 'of', 'except', 'timeout', 'compress', 'volatile', 'local', 'broadcast', 'binary']);
export const SOCKET_NARROWING_PROPERTIES = new Set(['broadcast', 'volatile', 'local', 'sockets', 'server']);

/**
 * Lifecycle and transport events of socket.io, ws, net/http servers and streams: never message types.
 * `message` is the transport's raw-message event (ws, worker ports), not a type of message.
 */
export const RESERVED_EVENTS = new Set([
  'connect', 'connection', 'connect_error', 'connect_timeout', 'connecting', 'disconnect', 'disconnecting',
  'reconnect', 'reconnect_attempt', 'reconnecting', 'reconnect_error', 'reconnect_failed', 'error', 'ping', 'pong',
  'newListener', 'removeListener', 'message', 'open', 'close', 'data', 'end', 'finish', 'drain', 'listening',
  'upgrade', 'request', 'headers', 'ready', 'timeout', 'exit', 'unexpected-response', 'wsClientError',
  'initial_headers', 'packet', 'packetCreate', 'flush', 'drain', 'heartbeat', 'upgradeError', 'online', 'offline',
]);

/**
 * Colyseus (server `colyseus`, `@colyseus/*`; client `colyseus.js`): a room's messages name their type in the
 * first argument, `room.send('move', data)`, `this.broadcast('chat', msg)`, `this.onMessage('move', fn)`. A file
 * importing it speaks that protocol; elsewhere `ws.send('ping')` sends raw text, not a type.
 */
export const COLYSEUS_IMPORT = /(?:\bfrom|\bimport|\brequire\s*\()\s*['"](?:colyseus(?:\.js)?|@colyseus\/[\w.-]+)['"]/;

/** Receivers of `.send` that answer an HTTP request: `res.send({ type: 'error' })` is not a socket message. */
export const HTTP_RESPONSE_NAMES = new Set(['res', 'response', 'resp', 'reply', 'ctx', 'context', 'h']);

/**
 * A callee whose name says it transmits what it is given: `sendMessage`, `reply`, `broadcastToRoom`.
 * Not `emit`/`notify`: those are in-process EventEmitters and observers far more often than sockets.
 */
export const SENDISH = /send|reply|respond|broadcast|publish|transmit|postmessage/i;

/** Keys under which a message carries another one: `{ type: 'COLLABROOM', data: { type: 'NEW_CHANGES' } }`. */
export const ENVELOPE_KEYS = new Set(['data', 'payload', 'message', 'body']);

/** Names of records, maps and arrays that hold handlers by type. */
export const HANDLER_CONTAINER = /handlers?$|^on\w*messages?$|listeners?$|routes$|router$|callbacks$|dispatch(er|table)?$|reducers$/i;

/** Records keyed by type whose functions build outgoing messages rather than handle incoming ones. */
export const BUILDER_CONTAINER = /^(get|encode|build|make|create|serialize|format|write|pack|to)[A-Z_]|(encoders?|builders?|serializers?|factories|factory|creators?)$/i;

/** Names of string-to-string maps that rename incoming types. */
export const ALIAS_CONTAINER = /alias|legacy|rename|compat|deprecated/i;

/** Variable names that hold a type read from a message, besides the configured discriminants. */
export const DISCRIMINANT_SUFFIX = /[a-z0-9](Type|Kind|Opcode|Op)$/;

/** Receivers of a discriminant that are errors, not messages: `switch (err.code)`. */
export const ERROR_NAMES = new Set(['err', 'error', 'e', 'ex', 'exception', 'cause']);

/** Catalog names that say they list message types. */
const CATALOG_NAME = /(Message|Msg|Event|Packet|Command|Frame|Signal|Action|Request|Response)s?(Type|Kind|Code|Name)s?$|^(Messages?|Events?|Protocol)$/i;
const CATALOG_OPCODE = /(Op|Opcode|OpCode)s?$|^OP(CODE)?S?$|OPCODES?$|MESSAGE_TYPES?$|EVENT_TYPES?$/;

export function isCatalogName(name: string): boolean {
  return CATALOG_NAME.test(name) || CATALOG_OPCODE.test(name);
}

/**
 * Types whose names many unrelated protocols and in-process event unions share: `{ type: 'error' }` sent to a
 * browser and `case 'error':` in a renderer of agent events. They are sent and handled like any other type, but
 * a shared one proves nothing about where the other side of a protocol lives (see `senderEvidence`).
 */
const GENERIC_TYPE_NAMES = new Set([
  'abort', 'ack', 'cancel', 'change', 'close', 'closed', 'command', 'complete', 'completed', 'connect', 'connected',
  'data', 'disconnect', 'done', 'end', 'ended', 'error', 'errors', 'event', 'events', 'fail', 'failed', 'failure',
  'finish', 'finished', 'heartbeat', 'info', 'init', 'log', 'message', 'ok', 'open', 'ping', 'pong', 'progress',
  'ready', 'request', 'reset', 'response', 'result', 'send', 'start', 'started', 'status', 'stop', 'success', 'text',
  'update', 'warning',
  // Module formats and JavaScript's own types: `pkg.data.type === 'module'`, `workerOptions.type === 'classic'`.
  'array', 'boolean', 'cjs', 'classic', 'commonjs', 'esm', 'function', 'module', 'number', 'object', 'string',
]);

/** Whether a resolved type key (`s:error`, `n:3`) is one of the generic names. */
export function isGenericTypeKey(key: string): boolean {
  return key.startsWith('s:') && GENERIC_TYPE_NAMES.has(key.slice(2).toLowerCase());
}

/** Catalog members that mark a bound or an absent value rather than a message: `Unknown = -1`, `None`, `Count`. */
const SENTINEL_MEMBER = /^(?:unknown|none|invalid|unspecified|unset|count|max)$/i;

export function isSentinelMember(name: string, value: string | number): boolean {
  return (typeof value === 'number' && value < 0) || SENTINEL_MEMBER.test(name.replace(/_/g, ''));
}

