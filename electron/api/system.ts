import { z } from 'zod';
import { query } from './define';

export interface SystemInfo {
  appName: string;
  version: string;
  mode: 'electron' | 'browser';
  schemaVersion: number;
  street: { id: string; name: string; code: string; city: string; district: string } | null;
  /** The street's size; for a grid worker, that of their own grids (`countsOf: 'own'`). */
  counts: { communities: number; zones: number; grids: number; compounds: number; buildings: number; residents: number };
  countsOf: 'street' | 'own';
}

export const systemMethods = {
  'system.info': query<SystemInfo>({ permission: 'territory.read' })(z.object({}).strict()),
};
