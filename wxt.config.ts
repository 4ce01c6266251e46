import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { manifestPermissions } from './lib/manifest';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  // The version lives only in package.json. Firefox's sources zip is what a reviewer needs to
  // rebuild the add-on: no tests, simulator, fixtures or generated output.
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['tests/**', 'docs/**', '.ci/**', 'scripts/bench.mjs', 'scripts/start.ts', 'scripts/test.mjs', 'demo-screenshots/**', 'test-results/**', 'bench-results.json', 'vitest*.config.ts'],
  },
  manifest: ({ browser }) => ({
    name: 'QuickCancel',
    description: 'One-click Cancel on every open order in your broker’s own web trading UI.',
    // activeTab: the cancel-all shortcut may read the URL of the tab it was pressed on, nothing more.
    permissions: ['storage', 'alarms', 'notifications', 'activeTab'],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+Q' }, description: 'Open QuickCancel: cancel an order by id' },
      'cancel-all-here': { suggested_key: { default: 'Alt+Shift+X' }, description: 'Cancel all open orders on this tab’s broker (asks first)' },
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
