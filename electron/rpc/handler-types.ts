import type { ServiceContext } from '../../db/context';
import type { MethodName, MethodResult, ParsedInput } from '../api';
import type { GridRuntime } from './runtime';
import type { SessionMethod } from './session-handlers';

export interface HandlerEnv {
  mode: 'electron' | 'browser';
  /** The client's id for this change, as the transport received it (checked by the dispatcher). */
  requestId?: unknown;
}

/** What a handler gets besides the service context: the transport, and the runtime (jobs). */
export interface CallEnv extends HandlerEnv {
  runtime: GridRuntime;
}

export type DataMethod = Exclude<MethodName, SessionMethod>;

export type Handler<M extends DataMethod> = (
  ctx: ServiceContext,
  input: ParsedInput<M>,
  env: CallEnv,
) => MethodResult<M> | Promise<MethodResult<M>>;

/** Handlers of some of the contract's data methods: one map per domain, merged in `handlers.ts`. */
export type HandlerMap<K extends DataMethod> = { [M in K]: Handler<M> };
