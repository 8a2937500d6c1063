// The layering rule: renderer → contract ← electron → db → maps; every layer may use messages. Each file belongs to one
// layer by its folder; an import into a layer it may not use, or of a package its layer must
// not touch, is an error. (The same idea as VS Code's `code-layering` rule.) The services in
// db return the contract's result types, so db may import the contract with `import type`
// (no code crosses); a value import stays an error.
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Layer of a repo-relative path, or null when it is outside the layered folders. */
export function layerOf(rel) {
  const p = rel.split(sep).join('/');
  if (p === 'electron/api' || p.startsWith('electron/api/')) return 'contract';
  for (const layer of ['renderer', 'electron', 'db', 'maps', 'messages', 'tests', 'scripts']) {
    if (p.startsWith(`${layer}/`)) return layer;
  }
  return null;
}

/** Which layers each layer may import from. */
export const ALLOWED = {
  renderer: ['renderer', 'contract', 'maps', 'messages'],
  contract: ['contract', 'messages'],
  electron: ['electron', 'contract', 'db', 'maps', 'messages'],
  db: ['db', 'maps', 'messages'],
  maps: ['maps'],
  messages: ['messages'],
};

/** Layers a layer may import types from (`import type`, `export type … from`) and nothing else. */
export const TYPES_ONLY = {
  db: ['contract'],
};

/** Packages a layer must never import, whatever the path. */
const FORBIDDEN_PACKAGES = {
  renderer: [/^electron$/, /^better-sqlite3/, /^node:/, /^drizzle-orm/, /^fs$/, /^path$/, /^crypto$/, /^child_process$/],
  contract: [/^(?!zod$).*/],
  db: [/^electron$/, /^react/, /^react-dom/, /^leaflet/, /^react-leaflet/, /^antd/, /^@ant-design\//, /^recharts/],
  maps: [/^electron$/, /^better-sqlite3/, /^drizzle-orm/, /^react/, /^antd/],
  // The message catalog is words only: every layer can load it, so it loads nothing.
  messages: [/.*/],
};

export function checkImport(fromRel, specifier, typeOnly = false) {
  const from = layerOf(fromRel);
  if (!from || !ALLOWED[from]) return null;
  if (specifier.startsWith('.')) {
    const target = relative(ROOT, resolve(ROOT, dirname(fromRel), specifier));
    if (target === 'package.json') return from === 'electron' || from === 'db' ? null : `${from} 层不能读取 package.json`;
    const to = layerOf(target);
    if (to && typeOnly && (TYPES_ONLY[from] ?? []).includes(to)) return null;
    if (to && (TYPES_ONLY[from] ?? []).includes(to)) return `${from} 层只能用 import type 导入 ${to} 层的类型（${specifier}）`;
    if (to && !ALLOWED[from].includes(to)) return `${from} 层不能导入 ${to} 层（${specifier}）。依赖方向：renderer → contract ← electron → db → maps`;
    return null;
  }
  const bad = (FORBIDDEN_PACKAGES[from] ?? []).find((re) => re.test(specifier));
  return bad ? `${from} 层不能导入「${specifier}」` : null;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'enforce the layering renderer → contract ← electron → db → maps' }, schema: [] },
  create(context) {
    const rel = relative(ROOT, context.filename);
    const check = (node, source, typeOnly = false) => {
      if (!source || typeof source.value !== 'string') return;
      // Only a whole-declaration `import type` / `export type` counts as type-only: an inline
      // `import { type X }` still leaves the module import behind.
      const message = checkImport(rel, source.value, typeOnly);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { imports: rule } };
