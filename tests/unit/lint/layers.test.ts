import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS lint rule without type declarations
import { checkImport } from '../../../eslint-rules/layers.js';

const check = checkImport as (from: string, specifier: string, typeOnly?: boolean) => string | null;

describe('layering rule: renderer → contract ← electron → db → maps', () => {
  it.each([
    ['renderer/features/map/MapPage.tsx', '../../../electron/api'],
    ['renderer/features/map/MapPage.tsx', '../../../maps/status'],
    ['electron/rpc/handlers.ts', '../../db/map/layers'],
    ['electron/rpc/handlers.ts', '../api'],
    ['db/seed/index.ts', '../../maps/layout'],
    ['electron/api/map.ts', 'zod'],
    ['db/client/open.ts', 'better-sqlite3-multiple-ciphers'],
    ['db/errors.ts', '../messages'],
    ['electron/api/define.ts', '../../messages'],
    ['renderer/api/client.ts', '../../messages'],
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
    ['messages/format.ts', '../electron/api'],
    ['messages/format.ts', '../db/errors'],
    ['messages/format.ts', 'zod'],
  ])('refuses %s → %s', (from, spec) => expect(check(from, spec)).toMatch(/层/));

  it('lets db import the contract for types only', () => {
    expect(check('db/buildings/detail.ts', '../../electron/api/buildings', true)).toBeNull();
    expect(check('db/screening/types.ts', '../../electron/api', true)).toBeNull();
    expect(check('db/buildings/detail.ts', '../../electron/api/buildings')).toMatch(/import type/);
    // Types only from the contract, not from the rest of electron or the renderer.
    expect(check('db/host.ts', '../electron/rpc/dispatch', true)).toMatch(/层/);
    expect(check('db/host.ts', '../renderer/app/App', true)).toMatch(/层/);
    // The contract still imports nothing from db, not even types.
    expect(check('electron/api/buildings.ts', '../../db/buildings/detail', true)).toMatch(/层/);
  });

  it.each([
    ["import type { BuildingDetail } from '../../electron/api/buildings';\nexport type X = BuildingDetail;\n", []],
    ["export type { BuildingDetail } from '../../electron/api/buildings';\n", []],
    ["import { buildingMethods } from '../../electron/api/buildings';\nexport const x = buildingMethods;\n", ['layers/imports']],
    ["import { type BuildingDetail } from '../../electron/api/buildings';\nexport type X = BuildingDetail;\n", ['layers/imports']],
  ])('eslint in db: %s', async (text, rules) => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const [result] = await eslint.lintText(text, { filePath: 'db/buildings/lint-probe.ts' });
    expect(result!.messages.map((m) => m.ruleId).filter((r) => r === 'layers/imports')).toEqual(rules);
  });

  it('fails eslint on a wrong import in real source text', async () => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const [result] = await eslint.lintText("import { openDatabase } from '../../db/client/open';\nexport const x = openDatabase;\n", {
      filePath: 'renderer/app/bad-import.ts',
    });
    expect(result!.messages.map((m) => m.ruleId)).toContain('layers/imports');
  });
});
