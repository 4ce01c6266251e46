// @vitest-environment node
// After a confirmed cancel the order is watched for a few seconds: a fill the venue reports then
// (matched before the cancel took effect) corrects the journal entry, and a fill from before the
// cancel is shown with it. Against the strict simulator, through the real adapters.
import { describe, expect, it } from 'vitest';
import { CancelEngine } from '../../../lib/engine/engine';
import { corrected } from '../../../lib/engine/late-fill';
import type { JournalEntry } from '../../../lib/model';
import { outcomeText } from '../../../lib/outcome-text';
import { Vault } from '../../../lib/vault/vault';
import { venues, type VenueId } from '../../../lib/venues';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';
import { simSend, simulatorForEachTest } from './sim-send';

const sim = simulatorForEachTest();

const base = { id: 'e1', venue: 'pocketful', orderId: '1', source: 'page', startedAtMs: 0, updatedAtMs: 0, attempts: 1 } as const;

describe('corrected: what a fill seen after the cancel changes', () => {
  it.each([
    [{ status: 'cancelled', message: 'Order cancelled', outcome: { kind: 'cancelled' } }, { qty: 2, of: 10 }, 'CANCELLED', 'cancelled', 'Cancelled — 2 of 10 filled. Order cancelled — the venue reports 2 of 10 filled'],
    [{ status: 'cancelled', message: 'Cancelled', outcome: { kind: 'cancelled', filled: { qty: 2, of: 10 } } }, { qty: 5, of: 10 }, 'CANCELLED', 'cancelled', 'Cancelled — 5 of 10 filled. Cancelled — the venue reports 5 of 10 filled'],
    [{ status: 'cancelled', message: 'Cancelled', outcome: { kind: 'cancelled' } }, { qty: 10, of: 10 }, 'COMPLETE', 'already-closed', 'Filled before the cancel arrived (10 of 10). Filled before the cancel took effect (venue status COMPLETE; reported after the cancel)'],
    [{ status: 'cancelled', message: 'Cancelled', outcome: { kind: 'cancelled' } }, { qty: 4, of: 10 }, 'EXECUTED', 'already-closed', 'Closed — 4 of 10 filled. Filled before the cancel took effect (venue status EXECUTED; reported after the cancel)'],
  ] as const)('%j + %j (%s) → %s', (before, fill, venueStatus, status, text) => {
    const entry = { ...base, ...before } as JournalEntry;
    const patch = corrected(entry, fill, venueStatus)!;
    expect(patch.status).toBe(status);
    expect(outcomeText({ ...entry, ...patch })).toBe(text);
  });

  it('nothing new, nothing changes: no fill, or no more than already shown', () => {
    const entry = { ...base, status: 'cancelled', outcome: { kind: 'cancelled', filled: { qty: 3, of: 10 } } } as JournalEntry;
    expect(corrected(entry, { qty: 3, of: 10 }, 'CANCELLED')).toBeUndefined();
    expect(corrected(entry, { qty: 1, of: 10 }, 'CANCELLED')).toBeUndefined();
    expect(corrected({ ...base, status: 'cancelled' } as JournalEntry, { qty: 0, of: 10 }, 'CANCELLED')).toBeUndefined();
  });
});

const CREDS: Partial<Record<VenueId, unknown>> = {
  pocketful: PACE_TEST_CREDENTIALS.pocketful,
  'zebpay-futures': ZEBPAY_TEST_CREDENTIALS,
  coinswitch: COINSWITCH_TEST_CREDENTIALS,
};

async function engine() {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  for (const [venue, c] of Object.entries(CREDS)) await vault.set(venue as VenueId, c);
  return new CancelEngine({ venues, credentials: vault, send: simSend(sim), pendingDeadlineMs: 5000, pollIntervalMs: 100 });
}

/** The entry as the journal holds it, once `done` says so (or its last state after 8 s). */
async function journalled(e: CancelEngine, id: string, done: (entry: JournalEntry) => boolean): Promise<JournalEntry | null> {
  let entry: JournalEntry | null = null;
  for (let i = 0; i < 160; i++) {
    entry = await e.journal.get(id);
    if (entry && done(entry)) return entry;
    await new Promise((r) => setTimeout(r, 50));
  }
  return entry;
}
const filledQty = (entry: JournalEntry | null) => (entry?.outcome && 'filled' in entry.outcome ? entry.outcome.filled?.qty : undefined);
const page = (venue: VenueId, orderId: string) => ({ venue, orderId, hints: {}, source: 'page' as const });
const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

describe('the engine watches a cancelled order for fills', () => {
  it('a partial fill before the cancel: the cancel succeeds and the outcome says 3 of 10 filled (CoinSwitch)', async () => {
    const id = '698ed406-8ef5-4664-9779-f7978702a447';
    sim.seed('coinswitch', [{ id, symbol: 'BTC/INR', quantity: 10, filled: 3 }]);
    const e = await engine();
    const entry = await e.cancel(page('coinswitch', id));
    expect(entry.status).toBe('cancelled');
    const later = await journalled(e, entry.id, (x) => filledQty(x) === 3);
    expect(outcomeText(later!)).toMatch(/^Cancelled — 3 of 10 filled/);
  });

  it('a partial fill before the cancel: shown from the lookup that follows it (Pocketful: not in the cancel answer)', async () => {
    sim.seed('pocketful', [{ id: '2001', quantity: 10, filled: 3, extra: CO }]);
    const e = await engine();
    const entry = await e.cancel(page('pocketful', '2001'));
    expect(entry.status).toBe('cancelled');
    const later = await journalled(e, entry.id, (x) => filledQty(x) === 3);
    expect(outcomeText(later!)).toMatch(/^Cancelled — 3 of 10 filled/);
  });

  it('a late fill reported after the cancel corrects the entry: cancelled — 2 of 10 filled', async () => {
    sim.seed('pocketful', [{ id: '2002', quantity: 10, extra: CO }]);
    const e = await engine();
    const entry = await e.cancel(page('pocketful', '2002'));
    expect(entry.status).toBe('cancelled');
    expect(filledQty(entry)).toBeUndefined();
    sim.orders('pocketful').find((o) => o.id === '2002')!.filled = 2;
    const later = await journalled(e, entry.id, (x) => filledQty(x) === 2);
    expect(later).toMatchObject({ status: 'cancelled' });
    expect(outcomeText(later!)).toMatch(/^Cancelled — 2 of 10 filled/);
  });

  it('a late fill of the whole order: "filled before the cancel arrived", not cancelled (ZebPay)', async () => {
    sim.seed('zebpay-futures', [{ id: 'late-full-1', symbol: 'BTCUSDT', quantity: 10 }]);
    const e = await engine();
    const entry = await e.cancel(page('zebpay-futures', 'late-full-1'));
    expect(entry.status).toBe('cancelled');
    sim.setStatus('zebpay-futures', 'late-full-1', 'filled');
    const later = await journalled(e, entry.id, (x) => x.status === 'already-closed');
    expect(later?.status).toBe('already-closed');
    expect(outcomeText(later!)).toMatch(/^Filled before the cancel arrived \(10 of 10\)/);
  });

  it('no fill: the entry is left as it was, and the watch only looks (no second cancel)', async () => {
    sim.seed('pocketful', [{ id: '2003', quantity: 10, extra: CO }]);
    const e = await engine();
    const entry = await e.cancel(page('pocketful', '2003'));
    const before = JSON.stringify(await e.journal.get(entry.id));
    await sim.waitForRequest((r) => r.path.includes('/2003/history'));
    expect(JSON.stringify(await e.journal.get(entry.id))).toBe(before);
    expect(sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
});
