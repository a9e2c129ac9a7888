import { expect, test } from 'vitest';
import path from 'node:path';
import { analyze } from '../../src/analyzer.js';
import { fixturesDir, findingLines } from './support.js';

test('the incident: the numeric enum, the bigint and the catch variable that reach jsonLogger; nothing else', async () => {
  expect(await findingLines('incident')).toEqual([
    "src/websocket_core/manager.ts:22:53 warning `state` is a numeric enum member (WebSocketState): it logs as a bare number in jsonLogger.info (src/logging/json_logger.ts:9); log WebSocketState[this.state] instead, or use the project's safeWebSocketStateForLogging (src/websocket_core/utils.ts:4).",
    "src/websocket_core/manager.ts:29:52 error `bytesSent` is a bigint: JSON.stringify throws 'Do not know how to serialize a BigInt' in jsonLogger.error (src/logging/json_logger.ts:12); convert it with String() first.",
    "src/websocket_core/manager.ts:29:68 warning `error` is a catch variable (treated as an Error): JSON.stringify writes it as {} (message and stack are not enumerable) in jsonLogger.error (src/logging/json_logger.ts:12); log its message and stack explicitly.",
  ]);
});

test('the incident: related locations point at the wrapper, the JSON.stringify inside it, and the helper', async () => {
  const { findings } = await analyze({ cwd: path.join(fixturesDir, 'incident'), rules: ['ssot/no-unserializable-log-args'], cache: false });
  expect(findings.map((finding) => finding.related)).toEqual([
    [
      { file: 'src/logging/json_logger.ts', line: 9, column: 3, message: 'jsonLogger.info forwards it to a serializer' },
      { file: 'src/logging/json_logger.ts', line: 4, column: 24, message: 'serialized here' },
      { file: 'src/websocket_core/utils.ts', line: 4, column: 17, message: "safeWebSocketStateForLogging: the project's safe-log helper" },
    ],
    [
      { file: 'src/logging/json_logger.ts', line: 12, column: 3, message: 'jsonLogger.error forwards it to a serializer' },
      { file: 'src/logging/json_logger.ts', line: 4, column: 24, message: 'serialized here' },
    ],
    [
      { file: 'src/logging/json_logger.ts', line: 12, column: 3, message: 'jsonLogger.error forwards it to a serializer' },
      { file: 'src/logging/json_logger.ts', line: 4, column: 24, message: 'serialized here' },
    ],
  ]);
});

test('the incident: the enum finding suggests logging the member name', async () => {
  const { findings } = await analyze({ cwd: path.join(fixturesDir, 'incident'), rules: ['ssot/no-unserializable-log-args'], cache: false });
  expect(findings.map((finding) => finding.suggestions ?? [])).toEqual([
    [
      {
        message: "Log the member's name: WebSocketState[this.state]",
        range: { line: 22, column: 53, endLine: 22, endColumn: 63 },
        text: 'WebSocketState[this.state]',
      },
    ],
    [],
    [],
  ]);
});
