// @vitest-environment node
// The engine's front door, against the strict simulator: what "Test connection" asks each venue.
import { describe, expect, it } from 'vitest';
import { engineApi } from '../../../lib/engine/api';
import { CancelEngine } from '../../../lib/engine/engine';
import { Vault } from '../../../lib/vault/vault';
import { venues } from '../../../lib/venues';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';
import { simSend, simulatorForEachTest } from './sim-send';

const sim = simulatorForEachTest();

const api = () => engineApi(new CancelEngine({ venues, credentials: new Vault(), send: simSend(sim) }), venues);

describe('test connection', () => {
  it('counts the open orders where the venue lists them all', async () => {
    sim.seed('pocketful', [{ id: '5001', extra: { executionType: 'REGULAR' } }, { id: '5002', status: 'filled', filled: 1, extra: { executionType: 'REGULAR' } }]);
    expect(await api().testConnection('pocketful', PACE_TEST_CREDENTIALS.pocketful)).toEqual({ openOrders: 1 });
  });

  it('ZebPay, which lists one symbol at a time: asks about BTCUSDT and says so', async () => {
    sim.seed('zebpay-futures', [{ id: 'qcApi001', symbol: 'BTCUSDT' }, { id: 'qcApi002', symbol: 'ETHUSDT' }]);
    expect(await api().testConnection('zebpay-futures', ZEBPAY_TEST_CREDENTIALS)).toEqual({
      openOrders: 1,
      scope: expect.stringMatching(/^on BTCUSDT/),
    });
  });

  it('wrong keys come back as the venue’s refusal, not a count', async () => {
    const result = await api().testConnection('zebpay-futures', { ...ZEBPAY_TEST_CREDENTIALS, secretKey: 'not-the-secret-key-at-all' });
    expect(result).toMatchObject({ outcome: { kind: 'auth-failed' } });
  });
});

describe('the open orders a page may know', () => {
  it('ZebPay without symbols: no list (it lists one symbol at a time), so the page reads itself', async () => {
    sim.seed('zebpay-futures', [{ id: 'qcApi001', symbol: 'BTCINR' }]);
    expect(await api().knownOrders('zebpay-futures', ZEBPAY_TEST_CREDENTIALS)).toBeUndefined();
  });

  it('ZebPay with the symbols the page shows: the open orders on those symbols, and only those', async () => {
    sim.seed('zebpay-futures', [
      { id: 'qcApi001', symbol: 'BTCINR' },
      { id: 'qcApi002', symbol: 'ETHINR', side: 'SELL' },
      { id: 'qcApi003', symbol: 'SOLINR' },
      { id: 'qcApi004', symbol: 'BTCINR', status: 'filled', filled: 1 },
    ]);
    const known = await api().knownOrders('zebpay-futures', ZEBPAY_TEST_CREDENTIALS, ['BTCINR', 'ETHINR']);
    expect(known?.map((o) => o.orderId).sort()).toEqual(['qcApi001', 'qcApi002']);
    expect(known?.every((o) => o.open)).toBe(true);
  });

  it('a venue that lists everything ignores the symbols', async () => {
    sim.seed('pocketful', [{ id: '5001', symbol: 'SBIN', extra: { executionType: 'REGULAR' } }, { id: '5002', symbol: 'TCS', extra: { executionType: 'REGULAR' } }]);
    const known = await api().knownOrders('pocketful', PACE_TEST_CREDENTIALS.pocketful, ['SBIN']);
    expect(known?.map((o) => o.orderId).sort()).toEqual(['5001', '5002']);
  });
});
