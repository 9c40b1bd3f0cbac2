import { defineConfig } from 'vite';

// The shell is served by the server at /client; the session script is the one the plugin panels
// share, served by the server at /ui/shared/session.js (kept external, not bundled, so the shell
// and the panels use one session). The output is committed, so a build without node still packs it.
export default defineConfig({
  base: '/client/',
  build: {
    outDir: '../src/main/resources/META-INF/skyport/client',
    emptyOutDir: true,
    rollupOptions: { external: ['/ui/shared/session.js'] },
  },
  server: {
    proxy: { '/client/api': 'http://127.0.0.1:8080', '/ui': 'http://127.0.0.1:8080' },
  },
});
