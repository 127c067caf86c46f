import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { APP_CSP_META } from './server/http/app-csp.ts';

/**
 * React Router 7's package exports name only its development build (remix-run/react-router#12532, #14753),
 * whose dev-only warnings stay in the bundle. The app's build takes the production build the package ships
 * beside it (the same code with those warnings switched off); the dev server and tests keep the warnings.
 */
const reactRouterProduction = (file: string): string =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/production/${file}`, import.meta.url));

export default defineConfig(({ command }) => ({
  resolve: {
    alias:
      command === 'build'
        ? [
            { find: /^react-router$/, replacement: reactRouterProduction('index.mjs') },
            { find: /^react-router\/dom$/, replacement: reactRouterProduction('dom-export.mjs') },
          ]
        : [],
  },
  plugins: [
    react(),
    {
      // The built app carries its Content-Security-Policy however it is served (the dev server's inline
      // React refresh script would break under it, so only the build has it).
      name: 'waypoint-csp',
      apply: 'build',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: APP_CSP_META },
          injectTo: 'head-prepend',
        },
      ],
    },
    VitePWA({
      // The app shows its own "update available" prompt and reloads only when no write or sync is running.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon-48.png', 'apple-touch-icon.png'],
      manifest: {
        name: 'Waypoint',
        short_name: 'Waypoint',
        description: 'Learning paths and evidence of mastery, offline first.',
        theme_color: '#1d4e89',
        background_color: '#fdfbf6',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // SVG: the children's pictures and the drawings on their controls (public/drawings), offline too.
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: '/index.html',
        // /setup is the school server's own page (server/school), never the app.
        navigateFallbackDenylist: [/^\/api\//, /^\/setup([/?]|$)/],
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once; later versions wait for the in-app prompt (no skipWaiting).
        clientsClaim: true,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // The store's and the protocol's modules run nothing when imported (no top-level calls), but classes
      // such as `class XError extends Error` look effectful to the bundler, so every module the src/db and
      // src/protocol barrels re-export (roster import, backups, CASE packages…) landed in the first screen's
      // chunk. Declared pure, each goes with the screens that use it.
      treeshake: { moduleSideEffects: [{ test: /\/src\/(db|protocol)\/[^/]+\.ts$/, sideEffects: false }] },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
}));
