import type { ApiResponse, GridDeskApi, PushEventName, PushEvents } from '../../electron/api';
import { pushEventNames } from '../../electron/api';
import { formatError } from '../../messages';

type Listener = (payload: never) => void;

const UNAUTHENTICATED: ApiResponse<never> = {
  ok: false,
  error: { code: 'UNAUTHENTICATED', message: formatError('browser.signedOut', {}, 'zh-CN'), key: 'browser.signedOut', params: {} },
};

async function invoke(method: string, input: unknown): Promise<ApiResponse<never>> {
  const response = await fetch('/api/rpc', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-griddesk': '1' },
    body: JSON.stringify({ method, input }),
  });
  if (response.status === 401) return UNAUTHENTICATED;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    const params = { status: response.status };
    return {
      ok: false,
      error: { code: 'INTERNAL', message: formatError('browser.unexpectedResponse', params, 'zh-CN'), key: 'browser.unexpectedResponse', params },
    };
  }
  return (await response.json()) as ApiResponse<never>;
}

/** One EventSource for the whole page; push events are dispatched by their `event:` name. */
class EventStream {
  private source: EventSource | null = null;
  private readonly listeners = new Map<PushEventName, Set<Listener>>();
  private dropped = false;

  subscribe(event: PushEventName, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    this.open();
    return () => {
      set.delete(listener);
    };
  }

  private emit(event: PushEventName, payload: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (payload: unknown) => void)(payload);
      } catch (err) {
        console.error(`[events] listener of ${event} failed:`, err);
      }
    }
  }

  private open(): void {
    if (this.source) return;
    const source = new EventSource('/api/events');
    this.source = source;
    for (const name of pushEventNames) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          console.error(`[events] ${name}: data is not JSON`);
          return;
        }
        this.emit(name, payload);
      });
    }
    // While the stream was down, events were missed: after it reconnects, refetch everything.
    source.addEventListener('error', () => {
      this.dropped = true;
    });
    source.addEventListener('open', () => {
      if (!this.dropped) return;
      this.dropped = false;
      this.emit('data.changed', { domains: ['*'] } satisfies PushEvents['data.changed']);
    });
  }
}

export function createBrowserTransport(): GridDeskApi {
  const stream = new EventStream();
  return {
    invoke: (method, input) => invoke(method, input),
    subscribe: (event, listener) => stream.subscribe(event, listener as Listener),
  } as GridDeskApi;
}

/** Browser mode: no preload put `window.api` there, so talk HTTP to the server that served us. */
export function installBrowserTransport(): void {
  if (window.api) return;
  if (!/^https?:$/.test(window.location.protocol)) return;
  window.api = createBrowserTransport();
}
