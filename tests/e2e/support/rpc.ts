import type { APIRequestContext } from '@playwright/test';
import type { ApiResponse, MethodInput, MethodName, MethodResult } from '../../../electron/api';
import type { TestServer } from './server';

/**
 * Calls a method of the contract over HTTP with the session of a browser context
 * (`page.request`), as the renderer would; the method's name and input are typed by the contract.
 */
export async function rpcReply<M extends MethodName>(
  request: APIRequestContext,
  server: TestServer,
  method: M,
  input: MethodInput<M>,
): Promise<ApiResponse<MethodResult<M>>> {
  const reply = await request.post(`${server.origin}/api/rpc`, { headers: { 'x-griddesk': '1' }, data: { method, input } });
  return (await reply.json()) as ApiResponse<MethodResult<M>>;
}

/** Like `rpcReply`, but returns the result and fails the test with the error when the call is refused. */
export async function rpc<M extends MethodName>(request: APIRequestContext, server: TestServer, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const reply = await rpcReply(request, server, method, input);
  if (!reply.ok) throw new Error(`${method} was refused: ${reply.error.code} ${reply.error.message}`);
  return reply.result;
}
