import { isIP } from 'node:net';

export interface WallAddress {
  host: string;
  port: number;
}

/**
 * `--wall ADDR:PORT` (`0.0.0.0:5171`, `192.168.1.20:5171`, `[::]:5171`): where the wall
 * listener answers. Named hosts are refused: an address only, so the Host check below has
 * something firm to hold to.
 */
export function parseWallAddress(text: string): WallAddress {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d{1,5})$/.exec(text) ?? /^([0-9.]+):(\d{1,5})$/.exec(text);
  const port = Number(m?.[2]);
  if (!m || isIP(m[1]!) === 0 || !Number.isInteger(port) || port > 65535) {
    throw new Error(`--wall 须为「IP 地址:端口」，例如 0.0.0.0:5171 或 192.168.1.20:5171，收到「${text}」`);
  }
  return { host: m[1]!, port };
}

const ANY = new Set(['0.0.0.0', '::']);

/**
 * Whether a request's Host header names this listener. On one address, exactly that address
 * and port. On every address (0.0.0.0, ::), any IP address with our port, never a name: a page
 * on another site reaches us through DNS rebinding only under a name of its own, so refusing
 * names keeps that out while every wall PC types the office PC's address.
 */
export function wallHostAllowed(header: string | undefined, listen: string, port: number): boolean {
  if (!header) return false;
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(header) ?? /^([^:[\]]+):(\d+)$/.exec(header);
  if (!m || Number(m[2]) !== port) return false;
  const host = m[1]!;
  if (isIP(host) === 0) return false;
  return ANY.has(listen) || host === listen;
}
