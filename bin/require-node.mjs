// Imported first by the command line and the browser-mode server: an older Node than the one the
// project brings (package.json devDependencies.node) would crash on the native SQLite module with
// a segmentation fault and no word, so it is refused at once, in one line.
import { readFileSync } from 'node:fs';

/**
 * The lowest version a range such as "^24.21.0" allows, as [major, minor, patch].
 *
 * @param {string} range
 * @returns {number[]}
 */
export function lowestOf(range) {
  return range.replace(/^[\^~>=v\s]+/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
}

/**
 * True when `version` ("24.21.0") is at least `lowest`.
 *
 * @param {string} version
 * @param {number[]} lowest
 */
export function isAtLeast(version, lowest) {
  const have = version.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i += 1) {
    if ((have[i] ?? 0) !== (lowest[i] ?? 0)) return (have[i] ?? 0) > (lowest[i] ?? 0);
  }
  return true;
}

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lowest = lowestOf(manifest.devDependencies.node);
if (!isAtLeast(process.versions.node, lowest)) {
  const need = lowest.join('.');
  process.stderr.write(
    `GridDesk 需要 Node ${need} 或更新版本（当前是 ${process.version}）：请用 npm start 或 npx griddesk 启动，它们自带所需的 Node。` +
      ` / GridDesk needs Node ${need} or newer (this is ${process.version}); start it with npm start or npx griddesk, which bring it.\n`,
  );
  process.exit(1);
}
