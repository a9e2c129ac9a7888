import { describe, expect, test } from 'vitest';
import { findingLines, findings } from './support.js';

// One fixture project per sink or value family; every finding is listed exactly (file:line:column severity message).
describe('no-unserializable-log-args fixtures', () => {
  test("pino: message-first calls drop objects; Errors only under err; Sets; numeric enums; bigint and Dates are fine", async () => {
    expect(await findingLines("no-unserializable-log-args/pino")).toEqual([
      "src/service.ts:17:27 warning `state` is a numeric enum member (JobState): it logs as a bare number in this.log.info; log JobState[state] instead.",
      "src/service.ts:18:29 warning `seen` is a Set: pino writes it as {} in this.log.info; convert it first (Object.fromEntries(map) or [...set]).",
      "src/service.ts:20:34 warning `err` is dropped: pino's logger.error(message, ...args) only fills %s/%d/%o placeholders and ignores other arguments; pass objects first: logger.error({ ... }, message).",
      "src/service.ts:21:33 warning `error` is a catch variable (treated as an Error) under the key `error`: pino serializes Errors only under `err`, so it logs {} in this.audit.error; put it under `err`.",
    ]);
  });

  test("pino without types: recognized by pino() creation, also through the project's logger factories (not one that may return something else)", async () => {
    expect(await findingLines("no-unserializable-log-args/pino-untyped")).toEqual([
      "src/app.ts:8:21 warning `ids` is a Map: pino writes it as {} in log.info; convert it first (Object.fromEntries(map) or [...set]).",
      "src/app.ts:10:32 warning `error` is dropped: pino's log.error(message, ...args) only fills %s/%d/%o placeholders and ignores other arguments; pass objects first: log.error({ ... }, message).",
      "src/labels.ts:7:21 warning `redacted` is a Set: pino writes it as {} in httpLogger.info; convert it first (Object.fromEntries(map) or [...set]).",
    ]);
  });

  test("nestjs-pino: PinoLogger and its Logger hand objects to pino as they are", async () => {
    expect(await findingLines("no-unserializable-log-args/nestjs-pino")).toEqual([
      "src/users.service.ts:16:27 warning `error` is a catch variable (treated as an Error) under the key `error`: pino serializes Errors only under `err`, so it logs {} in this.logger.error; put it under `err`.",
      "src/users.service.ts:17:30 warning `error` is a catch variable (treated as an Error) under the key `error`: pino serializes Errors only under `err`, so it logs {} in this.appLogger.error; put it under `err`.",
    ]);
  });

  test("pino configuration: serializers and errorKey add Error keys; a logMethod hook may reorder arguments", async () => {
    expect(await findingLines("no-unserializable-log-args/pino-config")).toEqual([
      "src/jobs.ts:10:19 warning `error` is a catch variable (treated as an Error) under the key `error`: pino serializes Errors only under `err`, so it logs {} in plain.error; put it under `err`.",
      "src/jobs.ts:11:31 warning `error` is dropped: pino's plain.error(message, ...args) only fills %s/%d/%o placeholders and ignores other arguments; pass objects first: plain.error({ ... }, message).",
    ]);
  });

  test("winston: error(err) without format.errors(); Errors under any key, `err` too, also with format.errors(); Maps; bigint is fine", async () => {
    expect(await findingLines("no-unserializable-log-args/winston")).toEqual([
      "src/worker.ts:7:17 warning `err as Error` is an Error logged with winston's json() format without format.errors() (logger created at src/loggers.ts:6): it prints as {\"level\":\"error\"}; add format.errors({ stack: true }) to the logger's format.",
      "src/worker.ts:8:41 warning `error` is a catch variable (treated as an Error) under the key `error`: winston writes an Error out only as a whole argument, so it logs {} in plain.error; pass it as its own argument (logger.error('message', err)) or log its message and stack.",
      "src/worker.ts:10:39 warning `err` is a catch variable (treated as an Error) under the key `err`: winston writes an Error out only as a whole argument, so it logs {} in withErrors.error; pass it as its own argument (logger.error('message', err)) or log its message and stack.",
      "src/worker.ts:11:62 warning `pending` is a Map: winston writes it as {} in plain.child({ job: job.id }).warn; convert it first (Object.fromEntries(map) or [...set]).",
    ]);
  });

  test("bunyan: bigint throws; Errors only under err; printf messages are inspected safely", async () => {
    expect(await findingLines("no-unserializable-log-args/bunyan")).toEqual([
      "src/app.ts:8:40 error `bytes` is a bigint: bunyan throws 'Do not know how to serialize a BigInt' in log.info; convert it with String() first.",
      "src/app.ts:13:24 warning `cause` is a catch variable (treated as an Error) under the key `cause`: bunyan serializes Errors only under `err`, so it logs {} in log.error; put it under `err`.",
    ]);
  });

  test("JSON.stringify when logged or written: bigint, Map, enums (only when logged), functions, symbols, hidden class fields", async () => {
    expect(await findingLines("no-unserializable-log-args/json-stringify")).toEqual([
      "src/classes.ts:33:33 warning `session` is a Session instance whose data sits in #private fields (#token, #expires): JSON.stringify does not see them; add a toJSON() method or log the fields explicitly.",
      "src/classes.ts:33:42 warning `temperature` is a Temperature instance whose data sits in getters (celsius, fahrenheit): JSON.stringify does not see them; add a toJSON() method or log the fields explicitly.",
      "src/server.ts:17:30 warning `stats.byUser` is a Map: JSON.stringify writes it as {}; convert it first (Object.fromEntries(map) or [...set]).",
      "src/server.ts:17:30 warning `stats.level` is a numeric enum member (Level): it logs as a bare number; log Level[stats.level] instead.",
      "src/server.ts:17:30 error `stats.total` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt'; convert it with String() first.",
      "src/server.ts:18:40 error `total` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt'; convert it with String() first.",
      "src/server.ts:20:55 warning `users` is a Map: JSON.stringify writes it as {}; convert it first (Object.fromEntries(map) or [...set]).",
      "src/server.ts:21:69 error `total` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt'; convert it with String() first.",
      "src/server.ts:32:32 warning `onDone` is a function: JSON.stringify silently drops it.",
      "src/server.ts:32:40 warning `tag` is a symbol: JSON.stringify silently drops it.",
      "src/server.ts:39:48 warning `err` is a catch variable (treated as an Error): JSON.stringify writes it as {} (message and stack are not enumerable); log its message and stack explicitly.",
      "src/server.ts:46:32 warning `failed[].reason` is a rejection reason (treated as an Error): JSON.stringify writes it as {} (message and stack are not enumerable); log its message and stack explicitly.",
      "src/server.ts:47:67 warning `reason` is a rejection reason (treated as an Error): JSON.stringify writes it as {} (message and stack are not enumerable); log its message and stack explicitly.",
    ]);
  });

  test("%j in console, util.format, debug and log4js format strings; everything else is inspected safely", async () => {
    expect(await findingLines("no-unserializable-log-args/format-strings")).toEqual([
      "src/format.ts:11:29 error `offset` is a bigint: util.format's %j throws 'Do not know how to serialize a BigInt' in console.log; convert it with String() first.",
      "src/format.ts:12:42 warning `error` is an Error: util.format's %j writes it as {} (message and stack are not enumerable) in console.error; log its message and stack explicitly.",
      "src/format.ts:13:26 error `offset` is a bigint: debug's %j throws 'Do not know how to serialize a BigInt' in trace; convert it with String() first.",
      "src/format.ts:15:26 error `offset` is a bigint: util.format's %j throws 'Do not know how to serialize a BigInt' in log4.info; convert it with String() first.",
      "src/format.ts:16:34 warning `seen` is a Set: util.format's %j writes it as {} in util.format; convert it first (Object.fromEntries(map) or [...set]).",
      "src/format.ts:17:38 error `offset` is a bigint: util.format's %j throws 'Do not know how to serialize a BigInt' in format; convert it with String() first.",
      "src/format.ts:38:24 warning `op` is a numeric enum member (Op): it logs as a bare number in trace; log Op[message.op] instead.",
    ]);
  });

  test("custom wrappers across files: a parameter forwarded directly, spread, or as a property; a problem of the wrapper's own parameter type is reported once, in the wrapper", async () => {
    expect(await findingLines("no-unserializable-log-args/wrappers")).toEqual([
      "src/billing.ts:6:49 error `balance` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt' in logEvent (src/logging/event_log.ts:7); convert it with String() first, or use the project's safeValueForLogging (src/logging/event_log.ts:28).",
      "src/billing.ts:7:21 warning `account.holds` is a Set: JSON.stringify writes it as {} in logEvent (src/logging/event_log.ts:7); convert it first (Object.fromEntries(map) or [...set]), or use the project's safeValueForLogging (src/logging/event_log.ts:28).",
      "src/billing.ts:8:37 error `balance` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt' in AuditLog.record (src/logging/event_log.ts:13); convert it with String() first, or use the project's safeValueForLogging (src/logging/event_log.ts:28).",
      "src/billing.ts:8:61 warning `holds` is a Set: JSON.stringify writes it as {} in AuditLog.record (src/logging/event_log.ts:13); convert it first (Object.fromEntries(map) or [...set]), or use the project's safeValueForLogging (src/logging/event_log.ts:28).",
      "src/billing.ts:13:35 warning `error` is a catch variable (treated as an Error) under the key `error`: pino serializes Errors only under `err`, so it logs {} in logFailure (src/logging/event_log.ts:23); put it under `err`, or use the project's safeValueForLogging (src/logging/event_log.ts:28).",
      "src/logging/event_log.ts:34:43 warning `error` is an Error: JSON.stringify writes it as {} (message and stack are not enumerable); log its message and stack explicitly, or use the project's safeValueForLogging (src/logging/event_log.ts:28).",
      'src/socket/errors.ts:17:43 warning 3 calls pass an Error to handleSocketError (src/socket/errors.ts:12), and JSON.stringify writes it as {} here (message and stack are not enumerable): log the Error\'s message and stack in handleSocketError, once for every caller.',
      "src/socket/once.ts:12:27 warning `error` is a catch variable (treated as an Error): JSON.stringify writes it as {} (message and stack are not enumerable) in reportFailure (src/socket/once.ts:4); log its message and stack explicitly, or use the project's safeValueForLogging (src/logging/event_log.ts:28).",
    ]);
  });

  test('Errors that three or more calls pass to one wrapper are reported once, where it serializes them, with every call related', async () => {
    const [finding] = (await findings('no-unserializable-log-args/wrappers')).filter((f) => f.file === 'src/socket/errors.ts');
    expect(finding!.related).toEqual([
      { file: 'src/socket/errors.ts', line: 12, column: 1, message: 'handleSocketError takes the Error here' },
      { file: 'src/socket/handlers.ts', line: 10, column: 31, message: 'passes `error` (a catch variable)' },
      { file: 'src/socket/handlers.ts', line: 18, column: 31, message: 'passes `err` (a catch variable)' },
      { file: 'src/socket/handlers.ts', line: 23, column: 70, message: 'passes `reason` (a rejection reason)' },
    ]);
  });

  test("cyclic values: http/net runtime types, DOM nodes, parent/children and mutual references, a JavaScript object pointing at itself; trees and lists are fine", async () => {
    expect(await findingLines("no-unserializable-log-args/cyclic")).toEqual([
      "src/loop.js:5:39 error `loop` is an object (it references itself through `self`), a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
      "src/tree.ts:31:32 error `node` is a TreeNode (it references itself through `parent / children`), a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
      "src/tree.ts:33:75 error `request` is an http.IncomingMessage, a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
      "src/tree.ts:34:65 error `socket` is a net.Socket, a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
      "src/tree.ts:35:30 error `session` is a Session (it references itself through `connection.session`), a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
      "src/tree.ts:36:41 error `element` is a DOM Node, a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
    ]);
  });

  test('data trees are not cyclic: one-or-many self references, two optional self references in an interface, values parsed from JSON; a parent pointer next to children and a linked class are', async () => {
    expect(await findingLines('no-unserializable-log-args/cyclic-trees')).toEqual([
      "src/activity.ts:54:32 error `comment` is a Comment (it references itself through `parent / replies`), a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
      "src/activity.ts:55:30 error `node` is a QueueNode (it references itself through `prev / next`), a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
      "src/stats.ts:10:30 warning `stats.byUser` (+2 more paths) is a Map: JSON.stringify writes it as {}; convert it first (Object.fromEntries(map) or [...set]).",
      "src/stats.ts:10:30 error `stats.total` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt'; convert it with String() first.",
      "src/stats.ts:12:32 warning `users` is a Map: JSON.stringify writes it as {}; convert it first (Object.fromEntries(map) or [...set]).",
      "src/stats.ts:12:39 warning `rooms` is a Map: JSON.stringify writes it as {}; convert it first (Object.fromEntries(map) or [...set]).",
    ]);
  });

  test('a default-exported class is named by its declaration', async () => {
    expect(await findingLines('no-unserializable-log-args/default-export')).toEqual([
      "src/channel.ts:6:46 error `conference` is a Conference (it references itself through `eventManager.conference`), a cyclic object: JSON.stringify throws 'Converting circular structure to JSON'; log the fields you need instead.",
      "src/channel.ts:7:44 warning `secret` is a Secret instance whose data sits in #private fields (#token): JSON.stringify does not see them; add a toJSON() method or log the fields explicitly.",
    ]);
  });

  test('rest parameters of a wrapper: each argument is followed, as a whole array or element by element; String() and a returned text are not sinks', async () => {
    expect(await findingLines('no-unserializable-log-args/rest-wrappers')).toEqual([
      "src/replicator.ts:12:51 warning `e` is a catch variable (treated as an Error): JSON.stringify writes it as {} (message and stack are not enumerable) in Logger.debug (src/Logger.ts:6); log its message and stack explicitly.",
      "src/replicator.ts:16:42 warning `seen` is a Map: JSON.stringify writes it as {} in Logger.debug (src/Logger.ts:6); convert it first (Object.fromEntries(map) or [...set]).",
      "src/replicator.ts:17:38 warning `seen` is a Map: JSON.stringify writes it as {} in Logger.warn (src/Logger.ts:12); convert it first (Object.fromEntries(map) or [...set]).",
    ]);
  });

  test('pino serializers follow the logger through factories, fields, constructor assignments and child loggers; a logger kept in a global takes what every pino() call of the project configures', async () => {
    expect(await findingLines('no-unserializable-log-args/pino-factories')).toEqual([
      "src/global.ts:13:39 warning `error` is a rejection reason (treated as an Error) under the key `error`: pino serializes Errors only under `err`, so it logs {} in log().error; put it under `err`.",
      "src/jobs.ts:24:26 warning `error` is a catch variable (treated as an Error) under the key `error`: pino serializes Errors only under `err`, so it logs {} in this.plain.error; put it under `err`.",
      "src/jobs.ts:25:34 warning `cause` is a catch variable (treated as an Error) under the key `cause`: pino serializes Errors only under `err`, so it logs {} in this.logger.error; put it under `err`.",
    ]);
    expect(await findingLines('no-unserializable-log-args/pino-global-logger')).toEqual([
      "src/job.ts:13:34 warning `cause` is a catch variable (treated as an Error) under the key `cause`: pino serializes Errors only under `err`, so it logs {} in this.logger.error; put it under `err`.",
    ]);
  });

  test("a monorepo: one Program per package's options, sharing lib files and each other's sources; types cross packages", async () => {
    expect(await findingLines("no-unserializable-log-args/monorepo")).toEqual([
      "packages/app/src/report.ts:5:39 error `total` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt'; convert it with String() first.",
      "packages/app/src/report.ts:5:59 warning `users` is a Map: JSON.stringify writes it as {}; convert it first (Object.fromEntries(map) or [...set]).",
      "packages/app/src/tally.ts:3:32 error `count` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt'; convert it with String() first.",
      "packages/cli/src/main.ts:6:48 error `total` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt'; convert it with String() first.",
      "packages/core/src/log.ts:4:30 warning `stats.byUser` is a Map: JSON.stringify writes it as {}; convert it first (Object.fromEntries(map) or [...set]).",
      "packages/core/src/log.ts:4:30 warning `stats.level` is a numeric enum member (Level): it logs as a bare number; log Level[stats.level] instead.",
      "packages/core/src/log.ts:4:30 error `stats.total` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt'; convert it with String() first.",
    ]);
  });

  test("look-alikes that must stay silent", async () => {
    expect(await findingLines("no-unserializable-log-args/silent")).toEqual([]);
  });

  test("options: extra loggers (one declared pino is read as pino: a message first drops what follows; one whose `errorKeys` say it writes Errors out reports only its bigint), sinks off, reportUnknown, a named safe helper", async () => {
    expect(await findingLines("no-unserializable-log-args/options")).toEqual([
      "src/queue.ts:17:26 warning `state` is a numeric enum member (QueueState): it logs as a bare number in metrics.emit; log QueueState[state] instead, or use the project's describeQueueState (src/queue.ts:6).",
      "src/queue.ts:17:33 error `depth` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt' in metrics.emit; convert it with String() first.",
      "src/queue.ts:18:16 warning `extra` is typed unknown: what JSON.stringify does with it in metrics.push cannot be checked.",
      "src/queue.ts:20:41 warning `extra` is typed unknown: what JSON.stringify does with it cannot be checked.",
      "src/queue.ts:21:53 warning `{ busy: state === QueueState.Busy }` is dropped: pino's audit.info(message, ...args) only fills %s/%d/%o placeholders and ignores other arguments; pass objects first: audit.info({ ... }, message).",
      "src/queue.ts:22:26 warning `failure` is an Error under the key `failure`: pino serializes Errors only under `err`, so it logs {} in audit.error; put it under `err`.",
      "src/queue.ts:26:40 error `depth` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt' in ctx.error; convert it with String() first.",
    ]);
  });
});
