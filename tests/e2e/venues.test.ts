// Every venue, cancelled by the production build in real Chromium against its strict simulator
// (signatures, headers, bodies and clock windows checked the way the venue checks them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VenueId } from '../../lib/venues/types';
import type { LoggedRequest } from '../simulator/server';
import { COINSWITCH_TEST_CREDENTIALS } from '../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS, ZEBPAY_TEST_JWT } from '../simulator/venues/zebpay-futures';
import { launch, unexpectedHosts, type Harness } from './harness';

let h: Harness;
beforeAll(async () => (h = await launch()));
afterAll(async () => h?.close());

async function cancelFromPopup(venue: VenueId, orderId: string) {
  const reply = await h.sendFromExtension({ type: 'cancel', venue, orderId, hints: {} });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return reply.entry;
}

const cancelsOf = (venue: VenueId, match: (r: LoggedRequest) => boolean) => h.sim.apiRequests(venue).filter(match);

describe('each venue cancels with exactly its documented request', () => {
  it('PaceTrader: SPD kart cancel, client id from the credentials, JSON body in the fixed key order', async () => {
    h.sim.seed('pacetrader', [{ id: '20261122-92', symbol: 'NIFTY', extra: { executionType: 'SPD', exchangeOrderId: '10095', legOrderIndicator: 'ENTRY' } }]);
    await h.setCredentials('pacetrader', PACE_TEST_CREDENTIALS.pacetrader);
    const entry = await cancelFromPopup('pacetrader', '20261122-92');
    expect(entry.status).toBe('cancelled');
    const [sent, ...more] = cancelsOf('pacetrader', (r) => r.method === 'DELETE');
    expect(more).toHaveLength(0);
    expect(sent!.path).toBe('/api/v1/orders/kart/20261122-92');
    expect(sent!.body).toBe('{"client_id":"QC5678","exchange_order_id":"10095","execution_type":"SPD","leg_order_indicator":"ENTRY","oms_order_id":"20261122-92","status":"CONFIRMED"}');
    expect(sent!.headers).toMatchObject({ authorization: `Bearer ${PACE_TEST_CREDENTIALS.pacetrader.accessToken}`, 'x-device-type': 'WEB', 'content-type': 'application/json' });
  });

  it('PaceTrader keys saved without a client id: PaceTrader is asked once at save time, and cancels carry its answer', async () => {
    h.sim.seed('pacetrader', [{ id: '20261122-93', extra: { executionType: 'CO', exchangeOrderId: '10096', legOrderIndicator: 'ENTRY' } }]);
    await h.setCredentials('pacetrader', { accessToken: PACE_TEST_CREDENTIALS.pacetrader.accessToken });
    expect(cancelsOf('pacetrader', (r) => r.path === '/api/v1/user/trading_info')).toHaveLength(1);
    expect((await cancelFromPopup('pacetrader', '20261122-93')).status).toBe('cancelled');
    expect(cancelsOf('pacetrader', (r) => r.method === 'DELETE' && r.body.includes('"client_id":"QC5678"') && r.body.includes('"oms_order_id":"20261122-93"'))).toHaveLength(1);
    expect(cancelsOf('pacetrader', (r) => r.path === '/api/v1/user/trading_info')).toHaveLength(1);
  });

  it('ZebPay Futures (API key): HMAC over the exact body, timestamp last', async () => {
    h.sim.seed('zebpay-futures', [{ id: 'qcLimitOrder001', symbol: 'BTCINR' }]);
    await h.setCredentials('zebpay-futures', ZEBPAY_TEST_CREDENTIALS);
    const entry = await cancelFromPopup('zebpay-futures', 'qcLimitOrder001');
    expect(entry.status).toBe('cancelled');
    const [sent, ...more] = cancelsOf('zebpay-futures', (r) => r.method === 'DELETE');
    expect(more).toHaveLength(0);
    expect(sent!.path).toBe('/api/v1/trade/order');
    expect(sent!.body).toMatch(/^\{"clientOrderId":"qcLimitOrder001","symbol":"BTCINR","timestamp":\d{13}\}$/);
    expect(sent!.headers['x-auth-apikey']).toBe(ZEBPAY_TEST_CREDENTIALS.apiKey);
    expect(sent!.headers['x-auth-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(sent!.headers.cookie).toBeUndefined();
  });

  it('ZebPay Futures (JWT): bearer token, no timestamp, no signature', async () => {
    h.sim.seed('zebpay-futures', [{ id: 'qcLimitOrder002', symbol: 'ETHINR' }]);
    await h.setCredentials('zebpay-futures', { authKind: 'jwt', jwt: ZEBPAY_TEST_JWT });
    expect((await cancelFromPopup('zebpay-futures', 'qcLimitOrder002')).status).toBe('cancelled');
    const [sent] = cancelsOf('zebpay-futures', (r) => r.method === 'DELETE' && r.body.includes('qcLimitOrder002'));
    expect(sent!.body).toBe('{"clientOrderId":"qcLimitOrder002","symbol":"ETHINR"}');
    expect(sent!.headers.authorization).toBe(`Bearer ${ZEBPAY_TEST_JWT}`);
    expect(sent!.headers['x-auth-signature']).toBeUndefined();
  });

  it('Tradernet (v2): form body, pre-sign HMAC, nonce = ms × 10000, cookies omitted', async () => {
    h.sim.seed('tradernet', [{ id: '2929292929', symbol: 'AAPL.US' }]);
    await h.setCredentials('tradernet', TRADERNET_TEST_CREDENTIALS);
    const entry = await cancelFromPopup('tradernet', '2929292929');
    expect(entry.status).toBe('cancelled');
    const [sent, ...more] = cancelsOf('tradernet', (r) => r.path === '/api/v2/cmd/delTradeOrder');
    expect(more).toHaveLength(0);
    expect(sent!.method).toBe('POST');
    expect(sent!.body).toMatch(new RegExp(`^cmd=delTradeOrder&apiKey=${TRADERNET_TEST_CREDENTIALS.publicKey}&nonce=\\d{17}&params%5Border_id%5D=2929292929$`));
    expect(sent!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent!.headers['x-ntapi-sig']).toMatch(/^[0-9a-f]{64}$/);
    expect(sent!.headers.cookie).toBeUndefined();
  });

  it('Tradernet (v3): JSON body with an integer id, timestamp header, signature over body + timestamp', async () => {
    h.sim.seed('tradernet', [{ id: '3939393939', symbol: 'MSFT.US' }]);
    await h.setCredentials('tradernet', { ...TRADERNET_TEST_CREDENTIALS, scheme: 'v3' });
    expect((await cancelFromPopup('tradernet', '3939393939')).status).toBe('cancelled');
    const [sent] = cancelsOf('tradernet', (r) => r.path === '/api/delTradeOrder');
    expect(sent!.body).toBe('{"order_id":3939393939}');
    expect(sent!.headers['x-ntapi-publickey']).toBe(TRADERNET_TEST_CREDENTIALS.publicKey);
    expect(sent!.headers['x-ntapi-timestamp']).toMatch(/^\d{10}$/);
  });

  it('CoinSwitch PRO: Ed25519 over method + path + epoch, body unsigned, CANCELLATION_RAISED verified to CANCELLED', async () => {
    const id = '698ed406-8ef5-4664-9779-f7978702a447';
    h.sim.seed('coinswitch', [{ id, symbol: 'BTC/INR' }]);
    await h.setCredentials('coinswitch', COINSWITCH_TEST_CREDENTIALS);
    const entry = await cancelFromPopup('coinswitch', id);
    expect(entry.status).toBe('cancelled');
    const [sent, ...more] = cancelsOf('coinswitch', (r) => r.method === 'DELETE');
    expect(more).toHaveLength(0);
    expect(sent!.path).toBe('/trade/api/v2/order');
    expect(sent!.body).toBe(`{"order_id":"${id}"}`);
    expect(sent!.headers['x-auth-apikey']).toBe(COINSWITCH_TEST_CREDENTIALS.apiKey);
    expect(sent!.headers['x-auth-signature']).toMatch(/^[0-9a-f]{128}$/);
    expect(sent!.headers['x-auth-epoch']).toMatch(/^\d{13}$/);
  });

  it('nothing left loopback', () => {
    expect(unexpectedHosts(h.sim)).toEqual([]);
  });
});
