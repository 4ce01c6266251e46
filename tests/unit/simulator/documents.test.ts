// @vitest-environment node
// The simulator's success answers, side by side with the venues' own documents
// (shared/venues/source-docs): the same shape, the same field names, the same words. Requests are
// built by the real adapters so that they pass the simulator's strict checks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { venues, type VenueId } from '../../../lib/venues';
import { sendToSimulator } from '../../simulator/https-client';
import { startSimulator, type Simulator } from '../../simulator/server';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';

let sim: Simulator;
beforeAll(async () => (sim = await startSimulator()));
afterAll(async () => sim.stop());
beforeEach(() => sim.reset());

async function cancel(venue: VenueId, order: Record<string, unknown>, credentials: unknown): Promise<unknown> {
  const built = await venues[venue].cancel.build({ order, credentials, nowMs: Date.now() } as never);
  if (!('request' in built)) throw new Error(JSON.stringify(built.refused));
  const res = await sendToSimulator(sim.port, built.request);
  return JSON.parse(res.body);
}

describe('cancel answers as the documents show them', () => {
  it('Pocketful (cover order): data.basket_id and data.message "Order Cancelled Successfully", message "", status "success"', async () => {
    sim.seed('pocketful', [{ id: '202403132605', extra: { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' } }]);
    const body = await cancel('pocketful', { omsOrderId: '202403132605', executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' }, PACE_TEST_CREDENTIALS.pocketful);
    expect(body).toEqual({ data: { basket_id: expect.stringMatching(/^\d{8}-\d+$/), message: 'Order Cancelled Successfully' }, message: '', status: 'success' });
  });

  it('PaceTrader (spread order): {"status": "success", "message": "Order cancelled successfully"}', async () => {
    sim.seed('pacetrader', [{ id: '20210226-92', extra: { executionType: 'SPD', exchangeOrderId: '10095', legOrderIndicator: 'ENTRY' } }]);
    const body = await cancel('pacetrader', { omsOrderId: '20210226-92', executionType: 'SPD', exchangeOrderId: '10095', legOrderIndicator: 'ENTRY', orderStatus: 'CONFIRMED' }, PACE_TEST_CREDENTIALS.pacetrader);
    expect(body).toEqual({ status: 'success', message: 'Order cancelled successfully' });
  });

  it('ZebPay Futures: statusDescription "Success", data with info, statusCode 200, customMessage ["OK"]', async () => {
    sim.seed('zebpay-futures', [{ id: 'myLimitOrder456', symbol: 'BTCUSDT' }]);
    const body = (await cancel('zebpay-futures', { clientOrderId: 'myLimitOrder456', symbol: 'BTCUSDT' }, ZEBPAY_TEST_CREDENTIALS)) as Record<string, any>;
    expect(Object.keys(body).sort()).toEqual(['customMessage', 'data', 'statusCode', 'statusDescription']);
    expect(body).toMatchObject({ statusDescription: 'Success', statusCode: 200, customMessage: ['OK'], data: { clientOrderId: 'myLimitOrder456', status: 'canceled', symbol: 'BTCUSDT', info: { clientOrderId: 'myLimitOrder456', status: 'CANCELED', success: true } } });
    expect(typeof body.data.info.orderId).toBe('number');
  });

  it('CoinSwitch PRO: data with exactly the document\'s order fields', async () => {
    const id = '698ed406-8ef5-4664-9779-f7978702a447';
    sim.seed('coinswitch', [{ id, symbol: 'BTC/INR', price: 2300000, quantity: 0.00005, side: 'SELL' }]);
    const body = (await cancel('coinswitch', { orderId: id }, COINSWITCH_TEST_CREDENTIALS)) as Record<string, any>;
    expect(Object.keys(body)).toEqual(['data']);
    expect(Object.keys(body.data).sort()).toEqual(
      ['average_price', 'created_time', 'exchange', 'executed_qty', 'order_id', 'order_source', 'orig_qty', 'price', 'side', 'status', 'symbol', 'updated_time'],
    );
    expect(body.data).toMatchObject({ order_id: id, symbol: 'BTC/INR', price: 2300000, orig_qty: 0.00005, executed_qty: 0, side: 'SELL', exchange: 'coinswitchx', order_source: 'API_TRADING' });
  });

  it('Tradernet: {"order_id": <n>}', async () => {
    sim.seed('tradernet', [{ id: '2929292929' }]);
    expect(await cancel('tradernet', { orderId: 2929292929 }, TRADERNET_TEST_CREDENTIALS)).toEqual({ order_id: 2929292929 });
  });
});
