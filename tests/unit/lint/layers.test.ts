import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS lint rule without type declarations
import { checkImport } from '../../../eslint-rules/layers.js';

const check = checkImport as (from: string, specifier: string) => string | null;

describe('layering rule: renderer → contract ← electron → db → maps', () => {
  it.each([
    ['renderer/features/map/MapPage.tsx', '../../../electron/api'],
    ['renderer/features/map/MapPage.tsx', '../../../maps/status'],
    ['electron/rpc/handlers.ts', '../../db/map/layers'],
    ['electron/rpc/handlers.ts', '../api'],
    ['db/seed/index.ts', '../../maps/layout'],
    ['electron/api/map.ts', 'zod'],
    ['db/client/open.ts', 'better-sqlite3-multiple-ciphers'],
  ])('allows %s → %s', (from, spec) => expect(check(from, spec)).toBeNull());

  it.each([
    ['renderer/features/map/MapPage.tsx', '../../../db/map/layers'],
    ['renderer/app/App.tsx', '../../electron/rpc/dispatch'],
    ['renderer/app/App.tsx', 'electron'],
    ['renderer/app/App.tsx', 'node:fs'],
    ['renderer/app/App.tsx', 'better-sqlite3-multiple-ciphers'],
    ['electron/api/map.ts', '../../db/schema'],
    ['electron/api/map.ts', 'node:fs'],
    ['electron/main.ts', '../renderer/app/App'],
    ['db/host.ts', '../electron/api'],
    ['db/host.ts', 'electron'],
    ['db/map/layers.ts', 'react'],
    ['maps/layout.ts', '../db/schema'],
    ['maps/layout.ts', '../electron/api'],
  ])('refuses %s → %s', (from, spec) => expect(check(from, spec)).toMatch(/层/));

  it('fails eslint on a wrong import in real source text', async () => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const [result] = await eslint.lintText("import { openDatabase } from '../../db/client/open';\nexport const x = openDatabase;\n", {
      filePath: 'renderer/app/bad-import.ts',
    });
    expect(result!.messages.map((m) => m.ruleId)).toContain('layers/imports');
  });
});
