/** The admin dashboard, built into static files the endpoint serves under /dashboard/. */
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../.output/dashboard', import.meta.url)),
    emptyOutDir: true,
    // No inline script: the page's Content-Security-Policy allows scripts from its origin only.
    modulePreload: { polyfill: false },
  },
});
