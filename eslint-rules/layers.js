// The layering rule: renderer → contract ← electron → db → maps. Each file belongs to one
// layer by its folder; an import into a layer it may not use, or of a package its layer must
// not touch, is an error. (The same idea as VS Code's `code-layering` rule.)
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Layer of a repo-relative path, or null when it is outside the layered folders. */
export function layerOf(rel) {
  const p = rel.split(sep).join('/');
  if (p === 'electron/api' || p.startsWith('electron/api/')) return 'contract';
  for (const layer of ['renderer', 'electron', 'db', 'maps', 'tests', 'scripts']) {
    if (p.startsWith(`${layer}/`)) return layer;
  }
  return null;
}

/** Which layers each layer may import from. */
export const ALLOWED = {
  renderer: ['renderer', 'contract', 'maps'],
  contract: ['contract'],
  electron: ['electron', 'contract', 'db', 'maps'],
  db: ['db', 'maps'],
  maps: ['maps'],
};

/** Packages a layer must never import, whatever the path. */
const FORBIDDEN_PACKAGES = {
  renderer: [/^electron$/, /^better-sqlite3/, /^node:/, /^drizzle-orm/, /^fs$/, /^path$/, /^crypto$/, /^child_process$/],
  contract: [/^(?!zod$).*/],
  db: [/^electron$/, /^react/, /^react-dom/, /^leaflet/, /^react-leaflet/, /^antd/, /^@ant-design\//, /^recharts/],
  maps: [/^electron$/, /^better-sqlite3/, /^drizzle-orm/, /^react/, /^antd/],
};

export function checkImport(fromRel, specifier) {
  const from = layerOf(fromRel);
  if (!from || !ALLOWED[from]) return null;
  if (specifier.startsWith('.')) {
    const target = relative(ROOT, resolve(ROOT, dirname(fromRel), specifier));
    if (target === 'package.json') return from === 'electron' || from === 'db' ? null : `${from} 层不能读取 package.json`;
    const to = layerOf(target);
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
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      // Type-only imports carry no code across layers, except that the renderer must not even
      // see db types (it gets everything through the contract).
      const message = checkImport(rel, source.value);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { imports: rule } };
