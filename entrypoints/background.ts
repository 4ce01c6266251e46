import { browser } from 'wxt/browser';
import { onCommand } from '@/lib/background/commands';
import { notifyOutcome } from '@/lib/background/notify';
import { serveContentPort } from '@/lib/background/ports';
import { missingPermission } from '@/lib/background/reach';
import { createRouter } from '@/lib/background/router';
import { wipeAllStorage } from '@/lib/background/wipe';
import { CancelEngine } from '@/lib/engine/engine';
import { sendRequest } from '@/lib/engine/http';
import { readSettings } from '@/lib/settings';
import { AutoLock } from '@/lib/vault/auto-lock';
import { Vault } from '@/lib/vault/vault';
import { venues } from '@/lib/venues';

/** Re-checks cancels whose outcome is still unknown (the venue could not be asked). */
const VERIFY_ALARM = 'verify-journal';

export default defineBackground(() => {
  const vault = new Vault();
  const autoLock = new AutoLock(vault, async () => (await readSettings()).autoLockMinutes);
  const engine = new CancelEngine({
    venues, credentials: vault, send: sendRequest,
    unreachable: (venue, credentials) => missingPermission(venues[venue], credentials),
    onUnresolved: () => void browser.alarms.create(VERIFY_ALARM, { delayInMinutes: 0.5 }),
  });
  const handle = createRouter({
    engine, vault, autoLock, venues,
    extensionOrigin: browser.runtime.getURL('/'),
    extensionId: browser.runtime.id,
    notify: (entry) => notifyOutcome(entry, venues),
    wipeStorage: wipeAllStorage,
  });

  // Every listener is registered synchronously, so an event that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handle(message, sender).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  });
  browser.runtime.onConnect.addListener((port) => serveContentPort(port, handle));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === VERIFY_ALARM) void engine.verifyUnresolved();
    else void autoLock.onAlarm(alarm.name);
  });
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab?.url, venues, { engine, vault, venues }));

  void autoLock.schedule();
  void engine.verifyUnresolved();
});
