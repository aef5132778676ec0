// Transport-independent typed client. The renderer builds it over `window.podunit` in Electron
// and over the WebSocket transport (ws-client.ts) in browser mode; both speak PodunitApi.
import type {
  ChannelName, ChannelRequest, ChannelResponse, EventName, EventPayload, PodunitApi,
} from './contract.js';
import { IpcError, type Envelope } from './envelope.js';

export interface PodunitClient extends PodunitApi {
  /** Like invoke, but unwraps the envelope: resolves with the value or rejects with an IpcError. */
  call<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>>;
}

export type SendFn = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;
export type SubscribeFn = (event: string, listener: (payload: unknown) => void) => () => void;

export function createClient(send: SendFn, subscribe: SubscribeFn): PodunitClient {
  const invoke = async <C extends ChannelName>(channel: C, request: ChannelRequest<C>) => {
    try {
      return (await send(channel, request)) as Envelope<ChannelResponse<C>>;
    } catch (err) {
      // A transport failure (socket closed, Electron invoke rejected) is still an envelope.
      return { ok: false, error: { code: 'io', message: transportMessage(err) } } as const;
    }
  };
  return {
    invoke,
    async call(channel, request) {
      const result = await invoke(channel, request);
      if (!result.ok) throw new IpcError(result.error.code, result.error.message);
      return result.value;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return subscribe(event, listener as (payload: unknown) => void);
    },
  };
}

/** Wraps an existing PodunitApi (e.g. `window.podunit` from the preload). */
export function clientFromApi(api: PodunitApi): PodunitClient {
  return createClient(
    (channel, payload) => api.invoke(channel as ChannelName, payload as never),
    (event, listener) => api.on(event as EventName, listener),
  );
}

function transportMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return `connection to podunit failed: ${text}`;
}
