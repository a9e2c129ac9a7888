import { describe, expect, it } from 'vitest';
import { findingLines, findings } from './support.js';

describe('no-duplicate-helpers on the incident', () => {
  it('reports the five copies of safeWebSocketStateForLogging against the exported one in utils.ts, and nothing else', async () => {
    const canonical = 'safeWebSocketStateForLogging (src/websocket_core/utils.ts:4)';
    expect(await findingLines('incident')).toEqual([
      `src/agents/agent_handler.ts:11:11 error AgentHandler._safe_websocket_state_for_logging duplicates ${canonical}; import it instead`,
      `src/client/legacy_client.js:4:10 error safeWebsocketStateForLogging duplicates ${canonical}; import it instead`,
      `src/routes/websocket_routes.ts:4:7 error safeStateForLog duplicates ${canonical}; import it instead`,
      `src/services/connection_monitor.ts:5:10 warning _safe_websocket_state_for_logging is a diverging copy of ${canonical}: it lacks 'if (state === undefined || state === null)' (+1 more statement) that the canonical copy has`,
      `src/websocket_core/manager.ts:5:10 error safeWebSocketStateForLogging duplicates ${canonical}; import it instead`,
    ]);
  });

  it('each finding relates the whole family, canonical first', async () => {
    const found = (await findings('incident')).filter((finding) => finding.ruleId === 'ssot/no-duplicate-helpers');
    expect(found[0]!.related.map((r) => `${r.file}:${r.line} ${r.message}`)).toEqual([
      'src/websocket_core/utils.ts:4 canonical copy: safeWebSocketStateForLogging',
      'src/client/legacy_client.js:4 copy: safeWebsocketStateForLogging',
      'src/routes/websocket_routes.ts:4 copy: safeStateForLog',
      'src/services/connection_monitor.ts:5 copy: _safe_websocket_state_for_logging',
      'src/websocket_core/manager.ts:5 copy: safeWebSocketStateForLogging',
    ]);
  });
});
