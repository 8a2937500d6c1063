import type { Message } from '../format';

/** Refusals of the call itself: unknown method, bad input, no session, failures without a cause the user can fix. */
export const callErrors = {
  'input.invalidField': { 'zh-CN': '字段「{field}」无效：{detail}', en: 'Field "{field}" is invalid: {detail}' },
  'input.invalid': { 'zh-CN': '输入无效：{detail}', en: 'Invalid input: {detail}' },
  'method.unknown': { 'zh-CN': '没有名为「{name}」的接口', en: 'There is no method named "{name}"' },
  'session.missing': { 'zh-CN': '会话不存在或已失效，请重新打开', en: 'The session does not exist or has expired; please open the app again' },
  'session.signInFirst': { 'zh-CN': '请先登录', en: 'Please sign in first' },
  'session.locked': { 'zh-CN': '会话已锁定，请输入密码解锁', en: 'The session is locked; enter your password to unlock it' },
  'session.accountGone': {
    'zh-CN': '账号已停用或不存在，请联系管理员',
    en: 'The account is disabled or no longer exists; please contact an administrator',
  },
  'session.forbidden': { 'zh-CN': '{role}「{name}」没有「{permission}」的权限', en: '{role} "{name}" does not have the permission "{permission}"' },
  'session.outsideGrids': {
    'zh-CN': '网格员「{name}」只能{permission}自己负责的网格',
    en: 'Grid worker "{name}" may use "{permission}" only in the grids assigned to them',
  },
  'database.failed': {
    'zh-CN': '数据库操作失败（{sqliteCode}），数据未改动。请重试；若反复出现，请联系管理员',
    en: 'The database operation failed ({sqliteCode}); nothing was changed. Please try again; if it keeps happening, contact an administrator',
  },
  'database.damaged': {
    'zh-CN': '数据库文件已损坏（{sqliteCode}），操作未完成。重试没有用：请管理员从最新的完好备份恢复',
    en: 'The database file is damaged ({sqliteCode}); the operation did not complete. Trying again will not help: an administrator has to restore the latest intact backup',
  },
  'database.cannotOpen': { 'zh-CN': '{detail}', en: 'The database cannot be opened: {detail}' },
  'database.notUnlocked': { 'zh-CN': '数据库尚未解锁：请先登录', en: 'The database is not unlocked yet: please sign in' },
  internal: {
    'zh-CN': '内部错误，操作未完成，数据未改动。请重试；若反复出现，请联系管理员',
    en: 'Internal error: the operation did not complete and nothing was changed. Please try again; if it keeps happening, contact an administrator',
  },
  'request.idInvalid': {
    'zh-CN': '请求编号无效：须为 8–100 位字母、数字、- 或 _',
    en: 'Invalid request id: it must be 8–100 letters, digits, - or _',
  },
  'request.idReused': {
    'zh-CN': '请求编号「{requestId}」已用于另一项操作，不能再用于「{method}」；操作未执行',
    en: 'The request id "{requestId}" was already used for another operation and cannot be used for "{method}"; nothing was done',
  },
  'transport.lost': {
    'zh-CN': '与服务的连接中断，无法确认操作是否完成。请检查服务是否在运行后重试（重试不会重复执行）',
    en: 'The connection to the service was lost, so whether the operation completed is unknown. Check that the service is running and try again (a retry is never done twice)',
  },
  'job.notFound': { 'zh-CN': '找不到这个任务', en: 'Job not found' },
  'job.finished': { 'zh-CN': '任务已经结束，不能再取消', en: 'The job has already ended and cannot be cancelled' },
  'job.threadExited': { 'zh-CN': '任务线程意外退出（{exitCode}），数据未改动', en: 'The job thread stopped unexpectedly ({exitCode}); nothing was changed' },
  'job.failed': { 'zh-CN': '任务失败，数据未改动：{error}', en: 'The job failed; nothing was changed: {error}' },
  'job.databaseFailed': {
    'zh-CN': '数据库操作失败（{sqliteCode}），任务未完成，数据未改动',
    en: 'The database operation failed ({sqliteCode}); the job did not complete and nothing was changed',
  },
  'job.interrupted': {
    'zh-CN': '任务因程序退出而中断，未写入任何数据；请重新发起',
    en: 'The job was interrupted when the program exited; nothing was written. Please start it again',
  },
  'job.databaseBusy': {
    'zh-CN': '数据库一直被另一项写入占用，等待超时；任务未完成，数据未改动。请稍后重试',
    en: 'The database stayed busy with another write and the wait timed out; the job did not complete and nothing was changed. Please try again later',
  },
  'job.othersRunning': {
    'zh-CN': '还有任务在进行，请等它们结束（或取消）后再恢复备份',
    en: 'Other jobs are still running; wait for them to end (or cancel them) before restoring a backup',
  },
  'file.missing': {
    'zh-CN': '文件不存在或已过期（文件保留 24 小时），请重新上传或重新导出',
    en: 'The file does not exist or has expired (files are kept for 24 hours); upload or export it again',
  },
  'browser.signedOut': {
    'zh-CN': '未登录或会话已失效：请用 GridDesk 控制台上最新打印的完整地址（含 token，每个只能用一次）重新打开本页',
    en: 'Not signed in, or the session has expired: open this page again with the newest full address (with its token; each works once) printed on the GridDesk console',
  },
  'browser.unexpectedResponse': {
    'zh-CN': '服务返回了意外的响应（HTTP {status}）。请重试；若反复出现，请重启服务',
    en: 'The service gave an unexpected answer (HTTP {status}). Please try again; if it keeps happening, restart the service',
  },
} as const satisfies Record<string, Message>;
