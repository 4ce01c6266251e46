// Locks the vault after the idle time the user chose. The deadline lives in storage.session and
// the alarm is re-created at every worker start, so a restarted worker still locks on time.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Vault } from './vault';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';
const lastActiveItem = storage.defineItem<number>('session:vaultLastActiveMs');

export class AutoLock {
  constructor(private readonly vault: Vault, private readonly minutes: () => Promise<number>) {}

  /** Called on unlock and on every use of the vault: pushes the deadline back. */
  async touch(): Promise<void> {
    await lastActiveItem.setValue(Date.now());
    await this.schedule();
  }

  /** At worker start and when the setting changes. */
  async schedule(): Promise<void> {
    const minutes = await this.minutes();
    const last = await lastActiveItem.getValue();
    if (minutes <= 0 || last === null || (await this.vault.state()) !== 'unlocked') {
      await browser.alarms.clear(AUTO_LOCK_ALARM);
      return;
    }
    const due = last + minutes * 60_000;
    if (due <= Date.now()) return this.lockNow();
    await browser.alarms.create(AUTO_LOCK_ALARM, { when: due });
  }

  async onAlarm(name: string): Promise<void> {
    if (name !== AUTO_LOCK_ALARM) return;
    const minutes = await this.minutes();
    const last = (await lastActiveItem.getValue()) ?? 0;
    if (minutes > 0 && Date.now() >= last + minutes * 60_000 - 1000) await this.lockNow();
    else await this.schedule();
  }

  private async lockNow() {
    await this.vault.lock();
    await browser.alarms.clear(AUTO_LOCK_ALARM);
  }
}
