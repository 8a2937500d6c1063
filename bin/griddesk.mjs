#!/usr/bin/env node
// `npx griddesk …`: the command-line tools. Builds the bundle first if the sources changed.
import './require-node.mjs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/ensure-built.mjs'), 'node'], { stdio: 'inherit' });
await import(pathToFileURL(join(root, 'dist/node/cli.mjs')).href);
