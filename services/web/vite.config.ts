import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The web app is static files the gateway serves at /. Everything is bundled (no CDN): the
// machines it runs on, and many government networks, are offline. `vite` alone (dev) sends
// /api to a platform started with `pnpm start`.

export default defineConfig({
  plugins: [preact({ devToolsEnabled: false })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
  },
  define: {
    // Where an operator's "trace" link points: the trace viewer (Jaeger in docker-compose.yml).
    __TRACE_VIEWER__: JSON.stringify(process.env.ONEGO_TRACE_VIEWER_URL ?? 'http://localhost:16686/trace/'),
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
