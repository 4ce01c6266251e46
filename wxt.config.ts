import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { manifestPermissions } from './lib/manifest';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Content scripts use only promise-returning APIs that Chrome MV3 (`chrome`) and Firefox
    // (`browser`) both have natively, so they take `wxt/browser` as is, without the polyfill the
    // other entrypoints get: it would be a quarter of the 12 kB content-script budget.
    'vite:build:extendConfig': (entrypoints, config) => {
      // Every bundle is parsed on a trader's clock (each broker page, each worker start, each
      // popup): terser's two passes make them ~5% smaller than esbuild's minifier.
      config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 } } };
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
      if (Array.isArray(alias)) config.resolve!.alias = alias.filter((a) => a.find !== 'wxt/browser');
    },
  },
  // The version lives only in package.json. Firefox's sources zip is what a reviewer needs to
  // rebuild the add-on: no tests, simulator, fixtures or generated output.
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['tests/**', 'docs/**', '.ci/**', 'scripts/bench.mjs', 'scripts/browsers.mjs', 'scripts/start.ts', 'scripts/test.mjs', 'eslint.config.js', 'demo-screenshots/**', 'test-results/**', 'bench-results.json', 'vitest*.config.ts'],
  },
  manifest: ({ browser }) => ({
    name: 'QuickCancel',
    description: 'One-click Cancel on every open order in your broker’s own web trading UI.',
    // activeTab: the cancel-all shortcut may read the URL of the tab it was pressed on, nothing more.
    // scripting: "Teach this page" loads its script into the venue tab only while teaching, and a
    // row's menu loads its script there on its first open (lib/background/page-scripts.ts).
    permissions: ['storage', 'alarms', 'notifications', 'activeTab', 'scripting'],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+Q' }, description: 'Open QuickCancel: cancel an order by id' },
      'cancel-all-here': { suggested_key: { default: 'Alt+Shift+X' }, description: 'Cancel all open orders on this tab’s broker (asks first)' },
      panic: { suggested_key: { default: 'Alt+Shift+P' }, description: 'Panic: cancel every open order on every venue with keys (asks first unless turned off)' },
      // No suggested key: Chrome allows four, and this one acts only once armed in Settings.
      'cancel-hovered': { description: 'Cancel the order under the mouse (arm it in QuickCancel’s settings first)' },
    },
    ...manifestPermissions,
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'quickcancel@quickcancel.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
