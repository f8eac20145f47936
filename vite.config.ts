import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { catalogueAssetPlugin } from './src/build/catalogue-vite-plugin';
import { chunkMapPlugin } from './src/build/chunk-map-plugin';
import { precompressPlugin } from './src/build/precompress';

export default defineConfig({
  plugins: [
    catalogueAssetPlugin(),
    chunkMapPlugin(),
    react(),
    VitePWA({
      // The app asks before it swaps to a new version, so nothing being typed is lost.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/icon.svg', 'robots.txt'],
      manifest: {
        name: 'Dichtbij — hulp dichtbij in Dordrecht',
        short_name: 'Dichtbij',
        description:
          'Regelingen, bestaanszekerheidscheck en signalen voor wijkteams en Geldpraatje.',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b5394',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,txt}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
    // Last: brotli and gzip copies of everything above, sw.js included.
    precompressPlugin(),
  ],
  build: { sourcemap: false, target: 'es2022', manifest: true, modulePreload: false },
  // The catalogue's install worker (src/data/catalogue) is a module worker sharing the app's chunks.
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/unit.ts'],
          // Vault tests derive PBKDF2 keys at 600,000 iterations; on a loaded 2-core machine one
          // unlock can pass the default 5 s. A hang still fails, just later.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          // A throwaway PostgreSQL 15 on loopback, so every storage test runs on both stores.
          globalSetup: ['test/server/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
