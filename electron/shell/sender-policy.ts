import type { ApiResponse } from '../api';
import { isAppUrl } from './app-url';
import type { WindowRole } from './window-registry';

/** What the IPC handler knows about who sent a call. */
export interface SenderInfo {
  /** URL of the sending frame; null when Electron no longer has the frame (navigated, gone). */
  frameUrl: string | null | undefined;
  /** Whether the frame is the top frame of its webContents (not an iframe). */
  isMainFrame: boolean;
  webContentsId: number;
}

export type SenderCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether an IPC call may reach the services: it must come from the top frame of a window we
 * created, showing one of our own pages. Each refusal says why, for the log.
 */
export function validateSender(sender: SenderInfo, allowedIds: { has(id: number): boolean }): SenderCheck {
  if (sender.frameUrl === null || sender.frameUrl === undefined) return { ok: false, reason: 'sender frame is gone' };
  if (!isAppUrl(sender.frameUrl)) return { ok: false, reason: `foreign origin ${sender.frameUrl.slice(0, 100)}` };
  if (!sender.isMainFrame) return { ok: false, reason: 'sent from a subframe' };
  if (!allowedIds.has(sender.webContentsId)) return { ok: false, reason: `unknown webContents ${sender.webContentsId}` };
  return { ok: true };
}

/**
 * Whether a window of this role may call a method: the briefing display only reads. An unknown
 * method (`undefined`) passes here; `dispatch` answers it with UNKNOWN_METHOD.
 */
export function isMethodAllowedForRole(role: WindowRole, method: { mutates: boolean } | undefined): boolean {
  return role === 'main' || !method?.mutates;
}

export const FORBIDDEN_SENDER: ApiResponse<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '调用来源不受信任，请求被拒绝。请关闭此窗口，从 GridDesk 主窗口操作' },
};

export const READ_ONLY_WINDOW: ApiResponse<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '简报屏为只读显示，不能修改数据。请在 GridDesk 主窗口中操作' },
};
