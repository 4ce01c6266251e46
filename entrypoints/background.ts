import { browser } from 'wxt/browser';
import { createRouter } from '@/lib/background/router';
import { CancelEngine } from '@/lib/engine/engine';
import { sendRequest } from '@/lib/engine/http';
import { SessionCredentialStore } from '@/lib/vault/session-store';
import { venues } from '@/lib/venues';

export default defineBackground({
  main() {
    const store = new SessionCredentialStore();
    const engine = new CancelEngine({ venues, credentials: store, send: sendRequest });
    const handle = createRouter({
      engine, store, venues,
      extensionOrigin: browser.runtime.getURL('/'),
      extensionId: browser.runtime.id,
    });
    // Registered synchronously so a message that wakes the worker is not missed.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      handle(message, sender).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
      return true;
    });
    void engine.verifyUnresolved();
  },
});
