import { browser } from 'wxt/browser';
import { HOVER_COMMAND, hoverCancel, onCommand } from '@/lib/background/commands';
import { ExpiryWatch } from '@/lib/background/expiry';
import { notifyOutcome } from '@/lib/background/notify';
import { serveContentPort } from '@/lib/background/ports';
import { PageTabs } from '@/lib/background/page-tabs';
import { missingPermission } from '@/lib/background/reach';
import { createRouter } from '@/lib/background/router';
import { timerFire } from '@/lib/background/timer-fire';
import { CancelTimers, isTimerAlarm } from '@/lib/background/timers';
import { wipeAllStorage } from '@/lib/background/wipe';
import { engineApi } from '@/lib/engine/api';
import { CancelEngine } from '@/lib/engine/engine';
import { sendRequest } from '@/lib/engine/http';
import { currentSettings, readSettings } from '@/lib/settings';
import type { TokenExpiry } from '@/lib/token-expiry';
import { summarize } from '@/lib/vault/summary';
import { AutoLock } from '@/lib/vault/auto-lock';
import { Vault } from '@/lib/vault/vault';
import { venues } from '@/lib/venues';
import type { VenueId } from '@/lib/venues/types';
import type { JournalEntry } from '@/lib/model';

/** Re-checks cancels whose outcome is still unknown (the venue could not be asked). */
const VERIFY_ALARM = 'verify-journal';
/** Messages after which the tokens' expiries, or the warning's lead time, may have changed. */
const CHANGES_EXPIRY = new Set(['vault.setup', 'vault.unlock', 'vault.change-passphrase', 'credentials.set', 'credentials.remove', 'settings.set']);

export default defineBackground(() => {
  const vault = new Vault();
  const autoLock = new AutoLock(vault, async () => (await readSettings()).autoLockMinutes);
  const engine = new CancelEngine({
    venues, credentials: vault, send: sendRequest,
    unreachable: (venue, credentials) => missingPermission(venues[venue], credentials),
    onUnresolved: () => void browser.alarms.create(VERIFY_ALARM, { delayInMinutes: 0.5 }),
  });
  const expiry = new ExpiryWatch({
    settings: currentSettings,
    names: Object.fromEntries(Object.values(venues).map((v) => [v.id, v.name])) as Record<VenueId, string>,
    tokens: async () => {
      const secrets = await vault.secrets();
      if (!secrets) return undefined;
      return (Object.keys(secrets) as VenueId[]).flatMap((venue): TokenExpiry[] => {
        const { expiresAtMs } = summarize(venue, secrets[venue]);
        return expiresAtMs === undefined ? [] : [{ venue, expiresAtMs }];
      });
    },
  });
  // An expired token's refusal is said as such (once), instead of the plain outcome.
  const notify = async (entry: JournalEntry) => {
    if (!(await expiry.onOutcome(entry))) await notifyOutcome(entry, venues);
  };
  const timers = new CancelTimers({
    fire: timerFire({
      engine: engineApi(engine, venues),
      notify,
      credentials: async (venue) => {
        const creds = await vault.get(venue);
        return creds.state === 'ok' ? creds.credentials : undefined;
      },
      refusal: async (venue) => ((await currentSettings()).disabledVenues.includes(venue) ? `${venues[venue].name} is turned off in QuickCancel's Settings` : undefined),
    }),
  });
  const pageTabs = new PageTabs();
  pageTabs.listen();
  const route = createRouter({
    engine, vault, autoLock, venues, timers, notify, pageTabs,
    extensionOrigin: browser.runtime.getURL('/'),
    extensionId: browser.runtime.id,
    wipeStorage: wipeAllStorage,
  });
  const handle: typeof route = async (message, sender, onSent) => {
    const reply = await route(message, sender, onSent);
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'vault.wipe') {
      void expiry.clear();
      void timers.clear();
    }
    else if (typeof type === 'string' && CHANGES_EXPIRY.has(type)) void expiry.sync();
    return reply;
  };

  // Every listener is registered synchronously, so an event that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handle(message, sender).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  });
  browser.runtime.onConnect.addListener((port) => serveContentPort(port, handle));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === VERIFY_ALARM) void engine.verifyUnresolved();
    else if (isTimerAlarm(alarm.name)) void timers.onAlarm(alarm.name);
    else {
      void expiry.onAlarm(alarm.name);
      void autoLock.onAlarm(alarm.name);
    }
  });
  browser.notifications.onClicked.addListener((id) => void expiry.onNotificationClicked(id));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === HOVER_COMMAND) void hoverCancel(tab?.id);
    else void onCommand(command, tab?.url, venues, { engine, vault, venues });
  });

  void autoLock.schedule();
  void engine.verifyUnresolved();
  void expiry.sync();
  void timers.replan();
});
