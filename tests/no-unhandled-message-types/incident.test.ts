import { describe, expect, it } from 'vitest';
import { findingLines } from './support.js';

describe('no-unhandled-message-types on the incident', () => {
  it('reports exactly the execute_agent send, pointing at the router, its orphan case and the alias map', async () => {
    expect(await findingLines('incident')).toEqual([
      "src/client/chat_client.ts:9:45 error 'execute_agent' is sent here but no handler maps it. Did you mean MessageType.START_AGENT ('start_agent') (handled at src/websocket_core/router.ts:11, never sent)? Handlers: src/websocket_core/router.ts:10. The alias map MESSAGE_TYPE_ALIASES (src/websocket_core/types.ts:22) has no entry for it.",
    ]);
  });
});
