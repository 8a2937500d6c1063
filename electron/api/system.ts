import { z } from 'zod';
import { query } from './define';

export interface SystemInfo {
  appName: string;
  version: string;
  mode: 'electron' | 'browser';
  schemaVersion: number;
  street: { id: string; name: string; code: string; city: string; district: string } | null;
  counts: { communities: number; zones: number; grids: number; compounds: number; buildings: number; residents: number };
}

export const systemMethods = {
  'system.info': query<SystemInfo>({ permission: 'territory.read' })(z.object({}).strict()),
};
