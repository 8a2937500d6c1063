/**
 * The two IPC channel names, in a file with no other imports, so the sandboxed preload can use
 * them without bundling the contract's zod schemas (≈700 kB). They must equal `RPC_CHANNEL` and
 * `PUSH_CHANNEL` of `electron/api`; the main process imports those, and a test checks both agree.
 * (Once `electron/api` has a zod-free `channels.ts` of its own, this file re-exports it.)
 */
export const RPC_CHANNEL = 'griddesk:rpc';
export const PUSH_CHANNEL = 'griddesk:push';
export const FILES_CHANNEL = 'griddesk:files';
