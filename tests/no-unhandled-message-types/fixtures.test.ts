import { describe, expect, it } from 'vitest';
import { findingLines, relatedLines } from './support.js';

describe('no-unhandled-message-types on focused fixtures', () => {
  it("ws-json: plain ws + browser WebSocket: a typo'd send (did-you-mean), a dead switch case, replies through a wrapper function", async () => {
    expect(await findingLines('no-unhandled-message-types/ws-json')).toEqual([
      `src/client/client.ts:20:41 error 'user_mesage' is sent here but no handler maps it. Did you mean 'user_message' (handled at src/server/server.ts:13, never sent)? Handlers: src/server/server.ts:9.`,
      `src/server/server.ts:18:12 warning 'legacy_ping' is handled here but nothing in the project sends it. The other types handled here are sent from src/client/client.ts:16, src/client/client.ts:24.`,
    ]);
  });

  it("socketio: socket.io emit/on pairs: 'leave-room' vs 'leave_room', a listener nobody emits to; lifecycle events stay silent; a type put together from a constant prefix is sent", async () => {
    expect(await findingLines('no-unhandled-message-types/socketio')).toEqual([
      `client/app.js:10:15 warning 'room_closed' is handled here but nothing in the project sends it. The other types handled here are sent from server/index.js:8, server/index.js:9, server/index.js:15 and 2 more.`,
      `client/app.js:15:19 error 'leave-room' is sent here but no handler maps it. Did you mean 'leave_room' (handled at server/index.js:18, never sent)? Handlers: server/index.js:13.`,
    ]);
  });

  it('enum-records: enum catalog, handler record keyed by members, alias map, a wrapper across files and a re-exporting barrel', async () => {
    expect(await findingLines('no-unhandled-message-types/enum-records')).toEqual([
      `src/client/transport.ts:10:15 error MessageType.Heartbeat ('heartbeat') is sent here but no handler maps it. Handlers: src/server/router.ts:5. The alias map MESSAGE_ALIASES (src/shared/messages.ts:14) has no entry for it.`,
      `src/shared/messages.ts:6:3 warning MessageType.Shutdown ('shutdown') is declared as a message type but nothing in the project sends or handles it.`,
    ]);
  });

  it('numeric-opcodes: y-protocols style numeric opcodes: writeVarUint sends (also of a class field, `this.type`, never assigned again), messageHandlers[messageX] handlers; bare numbers never reported', async () => {
    expect(await findingLines('no-unhandled-message-types/numeric-opcodes')).toEqual([
      `client/provider.js:38:36 error messageClose (9) is sent here but no handler maps it. Handlers: server/handlers.js:6, server/handlers.js:15.`,
    ]);
  });

  it('maps-and-registries: new Map / map.set / register(T, fn) / if chains / postMessage to a worker, as const opcodes and constants; sentinel members are never unused', async () => {
    expect(await findingLines('no-unhandled-message-types/maps-and-registries')).toEqual([
      `src/connection.ts:15:39 error Op.Resume (6) is sent here but no handler maps it. Handlers: src/gateway.ts:5, src/gateway.ts:9.`,
      `src/gateway.ts:6:4 warning Op.Dispatch (0) is handled here but nothing in the project sends it. The other types handled here are sent from src/connection.ts:11.`,
      `src/main.ts:14:30 error 'zoom' is sent here but no handler maps it. Handlers: src/worker.ts:9.`,
      `src/ops.ts:7:3 warning Op.HeartbeatAck (11) is declared as a message type but nothing in the project sends or handles it.`,
      `src/worker.ts:11:10 warning 'dispose' is handled here but nothing in the project sends it. The other types handled here are sent from src/main.ts:6, src/main.ts:10.`,
    ]);
  });

  it('channels: configured channels check each direction on its own; test files never get findings', async () => {
    expect(await findingLines('no-unhandled-message-types/channels')).toEqual([
      `client/client.js:8:10 error 'status' is handled here but nothing in the project sends it. The other types handled here are sent from server/server.js:5.`,
      `client/client.js:18:34 error 'status' is sent here but no handler maps it. Handlers: server/server.js:3.`,
    ]);
  });

  it('injected-sender: `this.post = options.post ?? postToHost` makes `this.post({ type })` a send through postToHost', async () => {
    expect(await findingLines('no-unhandled-message-types/injected-sender')).toEqual([
      `src/host/panel.ts:8:31 warning 'closePanel' is handled here but nothing in the project sends it. The other types handled here are sent from src/webview/app.ts:4, src/webview/desktop-client.ts:14.`,
    ]);
  });

  it('message-builders: sending what a builder returns (`send(encode(hubStatePayload(ctx)))`) sends its type; `send(encode(msg))` still forwards `msg`; a variable assigned objects of one type sends it, of two types neither', async () => {
    expect(await findingLines('no-unhandled-message-types/message-builders')).toEqual([
      `src/client/client.ts:18:10 warning 'hub_shutdown' is handled here but nothing in the project sends it. The other types handled here are sent from src/server/hub.ts:13, src/server/hub.ts:14, src/server/hub.ts:15 and 1 more.`,
    ]);
    expect(await relatedLines('no-unhandled-message-types/message-builders')).toEqual([
      [
        `sends hubStatePayload() ('hub_state'): src/server/hub.ts:13:13`,
        `sends sessionListPayload() ('session_list'): src/server/hub.ts:14:13`,
        `sends 'welcome_banner': src/server/hub.ts:15:28`,
      ],
    ]);
  });

  it("switch-forwarded-events: `emit(event.name)` inside `case 'a': case 'b':` of `switch (event.name)` sends 'a' and 'b'", async () => {
    expect(await findingLines('no-unhandled-message-types/switch-forwarded-events')).toEqual([
      `client/provider.ts:8:11 warning 'documents.archive' is handled here but nothing in the project sends it. The other types handled here are sent from server/websockets.ts:13, server/websockets.ts:16.`,
    ]);
    expect(await relatedLines('no-unhandled-message-types/switch-forwarded-events')).toEqual([
      [`sends 'documents.create': server/websockets.ts:13:47`, `sends 'documents.update': server/websockets.ts:13:47`, `sends 'entities': server/websockets.ts:16:47`],
    ]);
  });

  it("colyseus: room.send / this.broadcast / client.send name the type first, onMessage handles it, onMessage('*') handles the rest; res.send stays a body", async () => {
    expect(await findingLines('no-unhandled-message-types/colyseus')).toEqual([
      `client/chat.ts:10:18 warning 'room_closed' is handled here but nothing in the project sends it. The other types handled here are sent from server/rooms/ChatRoom.ts:6, server/rooms/ChatRoom.ts:9, server/rooms/ChatRoom.ts:17.`,
      `client/chat.ts:23:13 error 'leave_room' is sent here but no handler maps it. Handlers: server/rooms/ChatRoom.ts:5.`,
      `server/rooms/ChatRoom.ts:11:20 warning 'kick' is handled here but nothing in the project sends it. The other types handled here are sent from client/chat.ts:15, client/chat.ts:19.`,
    ]);
  });

  it("predicates: a function returning the comparison (`(e) => e.data.type === 'document-saved'`, `return e.data.type === 'x'`), called as a condition elsewhere, handles its type", async () => {
    expect(await findingLines('no-unhandled-message-types/predicates')).toEqual([
      `src/admin/preview-window.ts:15:20 error 'preview-closed' is sent here but no handler maps it. Handlers: src/preview/listen.ts:5, src/preview/predicates.ts:3, src/preview/predicates.ts:6.`,
    ]);
  });

  it("dispatcher-record: a record named for what it receives (`onSocketMessage`), passed to the dispatcher that looks it up, has a dead 'logging' handler; its `close()`, a lifecycle callback the dispatcher calls by name, is not dead", async () => {
    expect(await findingLines('no-unhandled-message-types/dispatcher-record')).toEqual([
      "client/index.js:10:3 warning 'logging' is handled here but nothing in the project sends it. The other types handled here are sent from lib/server.js:10, lib/server.js:11, lib/server.js:12 and 1 more.",
    ]);
  });

  it("local-message-variables: each function's `const msg = { kind }` is its own variable: every post is seen, a shadowed `msg` of another value sends nothing, and an unhandled type behind one is reported", async () => {
    expect(await findingLines('no-unhandled-message-types/local-message-variables')).toEqual([
      `src/e2ee/E2eeManager.ts:43:29 error 'setSifTrailer' is sent here but no handler maps it. Handlers: src/e2ee/e2ee.worker.ts:8.`,
    ]);
  });

  it("envelopes: a message inside another's `data` (`emit('message', { type: 'COLLABROOM', data: { type: 'NEW_CHANGES' } })`, inline or through a local) is sent too, and checked against the messages of its own event", async () => {
    expect(await findingLines('no-unhandled-message-types/envelopes')).toEqual([
      `src/node/handler/PadMessageHandler.ts:38:26 error 'CLIENT_RECONECT' is sent here but no handler maps it. Did you mean 'CLIENT_RECONNECT' (handled at src/static/js/collab_client.ts:15, never sent)? Handlers: src/static/js/collab_client.ts:11.`,
      `src/static/js/collab_client.ts:21:27 warning 'NEW_AUTHORDATA' is handled here but nothing in the project sends it. The other types handled here are sent from src/node/handler/PadMessageHandler.ts:19, src/node/handler/PadMessageHandler.ts:24, src/node/handler/PadMessageHandler.ts:29 and 2 more.`,
    ]);
  });

  it('silent-emitters: EventEmitter subclasses, process.on, DOM listeners, http servers, Redux reducers, AST visitors, error codes', async () => {
    expect(await findingLines('no-unhandled-message-types/silent-emitters')).toEqual([]);
  });

  it('silent-label-mapper: a switch that only maps each type to a display label (a constant, or a translated one) routes nothing', async () => {
    expect(await findingLines('no-unhandled-message-types/silent-label-mapper')).toEqual([]);
  });

  it("silent-generic-types: a renderer's switch over in-process events and a server's sends share only 'error' and 'done', or a name under another property (`kind` vs `type`): no proof of one protocol", async () => {
    expect(await findingLines('no-unhandled-message-types/silent-generic-types')).toEqual([]);
  });

  it("silent-typed-ipc: a typed IPC channel's own `ipc.send('EXECUTE_TASK_RUN', payload)` sends its first argument: the other side's handler is not dead", async () => {
    expect(await findingLines('no-unhandled-message-types/silent-typed-ipc')).toEqual([]);
  });

  it("silent-symmetric-peer: tabs that send and handle 'session' themselves prove no other receiver (a routing target's `type` checks stay silent); span attributes keyed by a const object's members are data, not handlers", async () => {
    expect(await findingLines('no-unhandled-message-types/silent-symmetric-peer')).toEqual([]);
  });

  it("bus-topics: a message published to a named topic is checked against its topic's traffic: 'pause' on 'flows' has no handler; 'clear' on a single-type topic whose subscriber does not switch on `type` is not flagged by another topic's handlers", async () => {
    expect(await findingLines('no-unhandled-message-types/bus-topics')).toEqual([
      "src/reload-flows.ts:9:32 error 'pause' is sent here but no handler maps it. Handlers: src/flows.ts:7.",
    ]);
  });

  it('silent-targeted-send: `ctx.send(peer, { type })` sends its second argument, also through a receiver named like an HTTP context', async () => {
    expect(await findingLines('no-unhandled-message-types/silent-targeted-send')).toEqual([]);
  });

  it("silent-generic-dispatch: a receiver that passes every type on (`deliverWebhooks(data.event)`) handles them all; its `if (data.event === 'x')` tests only add work", async () => {
    expect(await findingLines('no-unhandled-message-types/silent-generic-dispatch')).toEqual([]);
  });

  it("silent-in-process-values: a union a client computes itself (`return { type: 'noop' }`), types fed straight into a handler registry (`handlers.emit(KEY)`), and module formats (`pkg.type === 'module'`) shared with a worker's message are no dead handlers", async () => {
    expect(await findingLines('no-unhandled-message-types/silent-in-process-values')).toEqual([]);
  });

  it('silent-client-only: a client of a third-party server: no receiver in the project, no findings, also for a catalog it sends and handles in one file', async () => {
    expect(await findingLines('no-unhandled-message-types/silent-client-only')).toEqual([]);
  });

  it("silent-shared-method-names: one class's push() that sends makes no other push() a send (`rows.push({ type })`), and a context passed first to a producer's send(ctx, key, messages) is no message", async () => {
    expect(await findingLines('no-unhandled-message-types/silent-shared-method-names')).toEqual([]);
  });

  it("silent-command-line: a switch or if chain over the command line (`let action = args[0]` of `process.argv.slice(2)`, `const [, , action] = process.argv`) parses arguments, it handles no message sharing 'install' with a socket", async () => {
    expect(await findingLines('no-unhandled-message-types/silent-command-line')).toEqual([]);
  });

  it('silent-server-library: a server library whose clients live elsewhere: no findings', async () => {
    expect(await findingLines('no-unhandled-message-types/silent-server-library')).toEqual([]);
  });

  it('typed-receivers: emit and on of a receiver declared as an EventEmitter subclass (`client: MatrixClient`, across a barrel and two bases) are in-process; `this.dispatch` calls its own class method, `x.dispatch` the method of the class x is declared as, and a method name two classes implement differently is no wrapper by name; a socket typed by a package and an unambiguous wrapper method are still checked', async () => {
    expect(await findingLines('no-unhandled-message-types/typed-receivers')).toEqual([
      `src/app/lobby-client.ts:6:15 error 'leave-room' is sent here but no handler maps it. Did you mean 'leave_room' (handled at src/app/lobby-server.ts:6, never sent)? Handlers: src/app/lobby-server.ts:5.`,
      `src/ui/panel.ts:8:27 error 'close_pannel' is sent here but no handler maps it. Did you mean 'close_panel' (handled at src/ui/panel-worker.ts:5, never sent)? Handlers: src/ui/panel-worker.ts:2.`,
    ]);
  });

  it('in-process-switches: a switch over entries its own file pushes (an undo stack) or builds (stream sentinels) receives no other file messages, so a BroadcastChannel peer and a third-party API client sharing a name with it get no findings; a receiver pushing only some of its types is still checked', async () => {
    expect(await findingLines('no-unhandled-message-types/in-process-switches')).toEqual([
      `src/sync/client.ts:6:34 error 'unsubscrbe' is sent here but no handler maps it. Did you mean 'unsubscribe' (handled at src/sync/server.ts:11, never sent)? Handlers: src/sync/server.ts:7.`,
    ]);
  });

  it('numeric-enums: members of two numeric enums that share numbers are two types (VAD events handle no speech event); a type the encoder assigns (`packet.type = PacketType.BINARY_EVENT`) is made, so its handler is alive; an enum member nobody sends is still dead', async () => {
    expect(await findingLines('no-unhandled-message-types/numeric-enums')).toEqual([
      `src/parser/packets.ts:25:10 warning PacketType.DISCONNECT (3) is handled here but nothing in the project sends it. The other types handled here are sent from src/parser/server.ts:4, src/parser/server.ts:5, src/parser/server.ts:6.`,
    ]);
  });

  it('batches-and-patterns: a batch of one (`send(JSON.stringify([msg]))`) sends its message; a test against a type built from a parameter (`${id}/response`) handles every type it can match; a typo next to it is still reported', async () => {
    expect(await findingLines('no-unhandled-message-types/batches-and-patterns')).toEqual([
      `src/client/polyfill.ts:12:12 warning 'reset' is handled here but nothing in the project sends it. The other types handled here are sent from src/worker/user-object.ts:5, src/worker/user-object.ts:9, src/worker/user-object.ts:14.`,
      `src/extension/handler.ts:12:37 error 'vscode:opened-fil' is sent here but no handler maps it. Did you mean 'vscode:opened-file' (handled at src/webview/app.ts:5, never sent)? Handlers: src/webview/app.ts:2.`,
    ]);
  });
});
