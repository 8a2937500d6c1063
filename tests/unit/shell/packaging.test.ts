import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder (no types of its own here).
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  linux: { target: { target: string; arch: string[] }[]; category: string };
}

const config = load(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('cn.griddesk.app');
    expect(config.productName).toBe('GridDesk');
  });

  it('ships the build, the migrations and package.json, without sources or maps, and not into dist/', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'db/migrations/**', 'package.json', '!**/*.map']));
    expect(config.files.some((f) => /^(db|electron|renderer|maps)\/\*\*$/.test(f))).toBe(false);
    expect(config.directories.output).not.toBe('dist');
  });

  it('unpacks native modules and does not rebuild them', () => {
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a Chinese per-user NSIS installer for x64 and deb + AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, installerLanguages: ['zh_CN'], language: '2052' });
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.category).toBe('Office');
  });

  it('uses only option names electron-builder knows', () => {
    const require = createRequire(import.meta.url);
    const schema = require('app-builder-lib/scheme.json') as object;
    const Ajv = require('ajv') as new (options: object) => { compile(s: object): ((data: unknown) => boolean) & { errors?: unknown } };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? null).toBeNull();
    expect(valid).toBe(true);
  });
});
