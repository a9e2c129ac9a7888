import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { noUnhandledMessageTypes } from '../../src/checks/no-unhandled-message-types/index.js';
import type { TypeScriptApi } from '../../src/core/location.js';
import { globMatcher } from '../../src/checks/no-unhandled-message-types/glob.js';
import { closestType, editDistance } from '../../src/checks/no-unhandled-message-types/similarity.js';

function factsOf(file: string, text: string) {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // ts-morph bundles its own TypeScript: the same API, declared without the `default` export.
  const api = ts as unknown as TypeScriptApi;
  return noUnhandledMessageTypes.extract({ ts: api, sourceFile: sourceFile as never, file, options: noUnhandledMessageTypes.defaultOptions, relativePath: (p) => p });
}

describe('did-you-mean', () => {
  it('prefers a respelling, then a typo, then a shared word with an orphan handler', () => {
    expect(closestType('leave-room', [{ name: 'leave_room', orphan: false }, { name: 'leave', orphan: true }])?.name).toBe('leave_room');
    expect(closestType('user_mesage', [{ name: 'user_message', orphan: false }])?.name).toBe('user_message');
    expect(closestType('execute_agent', [{ name: 'agent_started', orphan: false }, { name: 'start_agent', orphan: true }])?.name).toBe('start_agent');
    expect(closestType('execute_agent', [{ name: 'agent_started', orphan: false }])).toBeUndefined();
    expect(closestType('join', [{ name: 'quit', orphan: true }])).toBeUndefined();
  });

  it('caps the edit distance', () => {
    expect(editDistance('typing', 'tpying', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('globs for channels and test files', () => {
  it('matches at any depth without a slash, anchored with one', () => {
    const isTest = globMatcher(['**/*.{test,spec}.*', '**/test/**']);
    expect(isTest('src/a.test.ts')).toBe(true);
    expect(isTest('test/a.ts')).toBe(true);
    expect(isTest('src/testing.ts')).toBe(false);
    expect(globMatcher(['client/**'])('packages/client/a.ts')).toBe(false);
  });
});

describe('extract', () => {
  it('records facts as plain data, with symbolic references for names defined elsewhere', () => {
    const facts = factsOf('a.ts', "import { MessageType } from './types.js';\nsocket.send(JSON.stringify({ type: MessageType.START }));\n");
    expect(facts.sends).toEqual([{ value: { kind: 'member', ns: 'MessageType', member: 'START' }, range: { line: 2, column: 36, endLine: 2, endColumn: 53 }, via: 'send', context: '', field: 'type' }]);
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });

  it('stops descending past its depth guard (deep generated code) without overflowing the stack', () => {
    const depth = 1200;
    const text = `${'{'.repeat(depth)}ws.send(JSON.stringify({ type: 'inner' }));${'}'.repeat(depth)}\nws.send(JSON.stringify({ type: 'deep' }));\n`;
    const facts = factsOf('deep.ts', text);
    expect(facts.sends.map((send) => send.value)).toEqual([{ kind: 'literal', value: 'deep' }]);
  });

  it('records the function a field of `this` was given, unless it was given two', () => {
    const text = (second: string) => `import { postToHost, postToPeer } from './vscode';
class Client {
  private post = postToHost;
  private relay: typeof postToHost;
  constructor(options: { relay?: typeof postToHost }, testing: boolean) {
    this.relay = options.relay ?? (testing ? postToHost : postToHost);
    ${second}
  }
  run() {
    this.post({ type: 'runCommand' });
    this.relay({ type: 'relayCommand' });
  }
}`;
    const fieldFunctions = (second: string) => factsOf('client.ts', text(second)).calls.map((call) => [call.callee, call.fieldFunction]);
    expect(fieldFunctions('')).toEqual([['post', 'postToHost'], ['relay', 'postToHost']]);
    expect(fieldFunctions('this.relay = postToPeer;')).toEqual([['post', 'postToHost'], ['relay', undefined]]);
  });

  it('records no handler for a switch over the command line, but does for a parameter of the same name', () => {
    const text = `const args = process.argv.slice(2);
let action = args[0];
switch (action) { case 'install': break; }
export function onMessage(args: { action: string }) {
  switch (args.action) { case 'join': break; }
}
`;
    expect(factsOf('cli.ts', text).handlers.map((handler) => handler.value)).toEqual([{ kind: 'literal', value: 'join' }]);
  });

  it('runs on an empty project', () => {
    expect(noUnhandledMessageTypes.run({ files: [] }, noUnhandledMessageTypes.defaultOptions)).toEqual([]);
  });
});
