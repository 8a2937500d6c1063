import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/** Where `vite dev` forwards /api/rpc and /api/events: a running browser-mode server (`npm run serve`). */
const apiTarget = process.env.GRIDDESK_API ?? 'http://127.0.0.1:5170';

/** Vendor chunks: big libraries that change rarely get their own cacheable files. */
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  { name: 'vendor-leaflet', test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/, priority: 30 },
  { name: 'vendor-antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the Electron shell serves the build from app://, browser mode from /.
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    // The renderer imports ../maps and ../electron/api.
    fs: { allow: [repoRoot] },
    // Only the two endpoints: the renderer's own modules live under /api/ too (renderer/api).
    proxy: {
      '^/api/(rpc|events)(\\?.*)?$': {
        target: apiTarget,
        changeOrigin: true,
        // The server only accepts same-origin requests; present the proxied calls as its own.
        headers: { origin: apiTarget },
      },
    },
  },
});
