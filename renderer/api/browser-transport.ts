import type { ApiResponse, CallOptions, GridDeskApi, PushEventName, PushEvents, UploadedFile } from '../../electron/api';
import { pushEventNames } from '../../electron/api';
import { formatError } from '../../messages';

type Listener<E extends PushEventName> = (payload: PushEvents[E]) => void;

const UNAUTHENTICATED: ApiResponse<never> = {
  ok: false,
  error: { code: 'UNAUTHENTICATED', message: formatError('browser.signedOut', {}, 'zh-CN'), key: 'browser.signedOut', params: {} },
};

const TRANSPORT_LOST: ApiResponse<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: formatError('transport.lost', {}, 'zh-CN'), key: 'transport.lost', params: {} },
};

async function invoke(method: string, input: unknown, options?: CallOptions): Promise<ApiResponse<never>> {
  let response: Response;
  try {
    response = await fetch('/api/rpc', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-griddesk': '1' },
      body: JSON.stringify({ method, input, ...(options?.requestId ? { requestId: options.requestId } : {}) }),
    });
  } catch {
    // The server went away (restarting, network down) before it answered: the change may or may not have been made.
    return TRANSPORT_LOST;
  }
  if (response.status === 401) return UNAUTHENTICATED;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    const params = { status: response.status };
    return {
      ok: false,
      error: { code: 'INTERNAL', message: formatError('browser.unexpectedResponse', params, 'zh-CN'), key: 'browser.unexpectedResponse', params },
    };
  }
  try {
    return (await response.json()) as ApiResponse<never>;
  } catch {
    return TRANSPORT_LOST;
  }
}

/** One EventSource for the whole page; push events are dispatched by their `event:` name. */
class EventStream {
  private source: EventSource | null = null;
  private readonly listeners = new Map<PushEventName, Set<Listener<never>>>();
  private dropped = false;

  subscribe<E extends PushEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event) as Set<Listener<E>> | undefined;
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    this.open();
    return () => {
      set.delete(listener);
    };
  }

  private emit<E extends PushEventName>(event: E, payload: PushEvents[E]): void {
    for (const listener of [...((this.listeners.get(event) as Set<Listener<E>> | undefined) ?? [])]) {
      try {
        listener(payload);
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
        let payload: PushEvents[typeof name];
        try {
          // The service sends each event with its contract payload.
          payload = JSON.parse((message as MessageEvent<string>).data) as PushEvents[typeof name];
        } catch {
          console.error(`[events] ${name}: data is not JSON`);
          return;
        }
        this.emit(name, payload);
      });
    }
    // While the stream was down, events may have been missed: say so once it is back.
    source.addEventListener('error', () => {
      if (this.dropped) return;
      this.dropped = true;
      this.emit('events.dropped', {});
    });
    source.addEventListener('open', () => {
      if (!this.dropped) return;
      this.dropped = false;
      this.emit('events.resumed', {});
    });
  }
}

/** Streams the file to the server (XHR, for upload progress); the body is the file itself, never base64. */
function upload(file: File, onProgress?: (sent: number, total: number) => void): Promise<ApiResponse<UploadedFile>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.setRequestHeader('x-griddesk', '1');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status === 401) return resolve(UNAUTHENTICATED);
      try {
        resolve(JSON.parse(xhr.responseText) as ApiResponse<UploadedFile>);
      } catch {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `上传失败（HTTP ${xhr.status}）。请重试` } });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: { code: 'INTERNAL', message: '上传中断：与服务的连接出错。请重试' } });
    xhr.send(file);
  });
}

/**
 * The browser downloads the stored file itself (streamed by the server, saved where the user's
 * browser saves). Asked first whether it is still there, so an expired file gets its message.
 */
async function save(fileId: string, name: string): Promise<ApiResponse<{ saved: boolean }>> {
  const url = `/api/files/${encodeURIComponent(fileId)}`;
  const head = await fetch(url, { method: 'HEAD', credentials: 'same-origin' });
  if (head.status === 401) return UNAUTHENTICATED;
  if (!head.ok) {
    return { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在或已过期（文件保留 24 小时），请重新导出' } };
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  return { ok: true, result: { saved: true } };
}

export function createBrowserTransport(): GridDeskApi {
  const stream = new EventStream();
  return {
    invoke: (method, input, options) => invoke(method, input, options),
    subscribe: (event, listener) => stream.subscribe(event, listener),
    files: { upload, save },
  };
}

/** Browser mode: no preload put `window.api` there, so talk HTTP to the server that served us. */
export function installBrowserTransport(): void {
  if (window.api) return;
  if (!/^https?:$/.test(window.location.protocol)) return;
  window.api = createBrowserTransport();
}
