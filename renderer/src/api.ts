// Picks the transport: the preload's `window.podunit` in Electron, the WebSocket client in
// browser mode. The rest of the renderer sees only the typed client.
import { clientFromApi, type PodunitClient } from '../../shared/ipc/client';
import { createWsClient } from '../../shared/ipc/ws-client';
import type { PodunitApi } from '../../shared/ipc/contract';
import type { Capabilities } from './store/controller';

export function connect(onStatus: (status: 'connecting' | 'open' | 'closed') => void): PodunitClient {
  const bridge = (window as unknown as { podunit?: PodunitApi }).podunit;
  if (bridge) {
    onStatus('open');
    return clientFromApi(bridge);
  }
  return createWsClient({ onStatus });
}

/**
 * What this build of the contract supports beyond its first version. Read from the contract's
 * schemas, which are loaded after start-up (zod builds them at import time, ~100 ms).
 */
export async function capabilities(): Promise<Capabilities> {
  const { channels } = await import('../../shared/ipc/contract');
  const request = channels['plan.generate'].request as unknown as { shape?: Record<string, unknown> };
  return { stage1Overrides: !!request.shape && 'stage1' in request.shape };
}
