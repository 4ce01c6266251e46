// The panic and its shortcut: every venue with keys (and not turned off) at once, per-venue
// results, one venue's failure never hiding another's; the shortcut asks first by default.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onCommand, panicSummary, PANIC_COMMAND } from '../../../lib/background/commands';
import { panic, type PanicDeps } from '../../../lib/background/panic';
import type { CancelEngine } from '../../../lib/engine/engine';
import type { JournalEntry, VenueId } from '../../../lib/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings-defaults';
import { Vault } from '../../../lib/vault/vault';
import { venues } from '../../../lib/venues';

const entry = (venue: VenueId, status: JournalEntry['status']): JournalEntry => ({
  id: crypto.randomUUID(), venue, orderId: '1', source: 'cancel-all', status, startedAtMs: 0, attempts: 1, updatedAtMs: 0,
});

async function deps(withKeys: VenueId[], cancelAll: CancelEngine['cancelAll']): Promise<PanicDeps> {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  for (const v of withKeys) await vault.set(v, { anything: true });
  return { vault, venues, engine: { cancelAll } };
}

// The background's settings cache follows storage through a watcher that fakeBrowser.reset() drops.
vi.mock('../../../lib/settings', async (original) => ({ ...(await original<object>()), currentSettings: vi.fn() }));
const { currentSettings } = await import('../../../lib/settings');
const withSettings = (patch: Partial<Settings>) => vi.mocked(currentSettings).mockResolvedValue({ ...DEFAULT_SETTINGS, ...patch });

afterEach(() => vi.restoreAllMocks());
beforeEach(() => {
  fakeBrowser.reset();
  withSettings({});
});

describe('panic', () => {
  it('runs every venue with keys concurrently, skips venues turned off, and reports each', async () => {
    const started: VenueId[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const cancelAll = vi.fn(async (venue: VenueId) => {
      started.push(venue);
      await gate;
      if (venue === 'tradernet') throw new Error('boom');
      if (venue === 'coinswitch') return { outcome: { kind: 'auth-failed' as const, message: 'Invalid signature' } };
      return { entries: [entry(venue, 'cancelled'), entry(venue, 'already-closed')] };
    });
    withSettings({ disabledVenues: ['pacetrader'] });
    const d = await deps(['pocketful', 'pacetrader', 'tradernet', 'coinswitch'], cancelAll);
    const running = panic(d);
    // Every venue has started before any has finished: across venues nothing waits for another.
    await vi.waitFor(() => expect(started.sort()).toEqual(['coinswitch', 'pocketful', 'tradernet']));
    release();
    const reply = await running;
    expect(reply.ok && reply.venues.map((v) => v.venue)).toEqual(['pocketful', 'tradernet', 'coinswitch']);
    expect(panicSummary(reply, venues).split('\n')).toEqual([
      'Pocketful: 1 cancelled, 1 already closed, 0 failed',
      expect.stringMatching(/^Tradernet \/ Freedom24: failed — QuickCancel could not finish \(Error: boom\)/),
      'CoinSwitch PRO: failed — Invalid signature',
    ]);
  });

  it('locked: refuses, and nothing is asked of any venue', async () => {
    const cancelAll = vi.fn();
    const d = await deps(['pocketful'], cancelAll);
    await (d.vault as Vault).lock();
    expect(await panic(d)).toEqual({ ok: false, error: 'QuickCancel is locked — unlock it first; nothing was cancelled' });
    expect(cancelAll).not.toHaveBeenCalled();
  });
});

describe('the panic shortcut', () => {
  it('opens the popup on the panic confirmation by default, and cancels nothing itself', async () => {
    const cancelAll = vi.fn();
    const open = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    await onCommand(PANIC_COMMAND, undefined, venues, await deps(['pocketful'], cancelAll));
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/popup\.html#panic$/) }));
    expect(cancelAll).not.toHaveBeenCalled();
  });

  it('with confirmation turned off it runs at once and says per venue what happened', async () => {
    withSettings({ confirmCancelAll: false });
    const cancelAll = vi.fn(async (venue: VenueId) => ({ entries: [entry(venue, 'cancelled')] }));
    const open = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    const notify = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('id');
    await onCommand(PANIC_COMMAND, undefined, venues, await deps(['pocketful'], cancelAll));
    expect(cancelAll).toHaveBeenCalledWith('pocketful');
    expect(open).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ title: 'QuickCancel panic', message: 'Pocketful: 1 cancelled, 0 already closed, 0 failed' }));
  });
});
