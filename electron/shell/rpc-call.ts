import type { IpcMainInvokeEvent } from 'electron';
import { contract, isMethodName, PUBLIC_METHODS, type ApiResponse } from '../api';
import type { ServiceBackend } from '../host/backend';
import { FORBIDDEN_SENDER, isMethodAllowedForRole, READ_ONLY_WINDOW, validateSender, type SenderInfo } from './sender-policy';
import type { WindowRegistry } from './window-registry';

/** The part of Electron's invoke event the check reads (a real `IpcMainInvokeEvent` fits). */
export type RpcEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export interface RpcBinding {
  /** The services, or null while they are not ready yet (first-start seeding). */
  backend: () => ServiceBackend | null;
  windows: WindowRegistry;
}

const STARTING: ApiResponse<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'GridDesk 正在启动（首次启动时会生成演示数据），请稍候再试' },
};

export function senderInfo(event: RpcEvent): SenderInfo {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed() || frame.detached) return { frameUrl: null, isMainFrame: false, webContentsId: event.sender.id };
  return {
    frameUrl: frame.url,
    isMainFrame: frame.parent === null && frame.frameToken === event.sender.mainFrame.frameToken,
    webContentsId: event.sender.id,
  };
}

/**
 * Answers one call; never throws (a throw would reach the page as an unstructured Error). A change
 * may carry the page's request id, so that a retry is not made twice.
 */
export async function handleRpc(binding: RpcBinding, event: RpcEvent, method: unknown, input: unknown, requestId?: unknown): Promise<ApiResponse<unknown>> {
  try {
    const check = validateSender(senderInfo(event), binding.windows);
    if (!check.ok) {
      console.warn(`[ipc] refused a call of ${String(method).slice(0, 80)}: ${check.reason}`);
      return FORBIDDEN_SENDER;
    }
    const role = binding.windows.roleOf(event.sender.id) ?? 'briefing';
    // Signing in is allowed everywhere; the read-only briefing window may change nothing else.
    const signIn = (PUBLIC_METHODS as readonly unknown[]).includes(method);
    if (!signIn && !isMethodAllowedForRole(role, isMethodName(method) ? contract[method] : undefined)) return READ_ONLY_WINDOW;
    const backend = binding.backend();
    if (!backend) return STARTING;
    // One session per window: each window signs in (and locks when idle) on its own.
    const env = { mode: 'electron' as const, ...(requestId === undefined ? {} : { requestId }) };
    return await backend.call(`window-${event.sender.id}`, env, method, input, { ensureSession: true });
  } catch (err) {
    console.error('[ipc] call failed:', err);
    return { ok: false, error: { code: 'INTERNAL', message: '内部错误，操作未完成，数据未改动。请重试；若反复出现，请联系管理员' } };
  }
}
