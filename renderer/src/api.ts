// Picks the transport: the preload's `window.podunit` in Electron, the WebSocket client in
// browser mode. The rest of the renderer sees only the typed client.
import { clientFromApi, type PodunitClient } from '../../shared/ipc/client';
import { createWsClient } from '../../shared/ipc/ws-client';
import type { PodunitApi } from '../../shared/ipc/contract';

export function connect(onStatus: (status: 'connecting' | 'open' | 'closed') => void): PodunitClient {
  const bridge = (window as unknown as { podunit?: PodunitApi }).podunit;
  if (bridge) {
    onStatus('open');
    return clientFromApi(bridge);
  }
  return createWsClient({ onStatus });
}
