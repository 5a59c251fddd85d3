import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const sharedEntry = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The SPA compiles the shared DTO sources itself, so no shared build is needed first.
    alias: { '@navaia/shared': sharedEntry },
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.{test,spec}.{ts,tsx}'],
    // Rendering and date formatting must not depend on the machine's zone.
    env: { TZ: 'UTC' },
    restoreMocks: true,
    // Whole-form interaction tests type a lot; shared CI machines can be slow.
    testTimeout: 15_000,
    css: false,
  },
});
