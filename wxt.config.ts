import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { manifestPermissions } from './lib/manifest';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'QuickCancel',
    description: 'One-click Cancel on every open order in your broker’s own web trading UI.',
    permissions: ['storage', 'alarms', 'notifications'],
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
