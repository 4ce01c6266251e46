// @vitest-environment node
// The Tradelab OMS simulator is strict, so a lenient simulator cannot hide an adapter bug.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pocketful } from '../../../lib/venues/pace-oms/adapter';
import type { Built, HttpRequest } from '../../../lib/venues/types';
import { sendToSimulator } from '../../simulator/https-client';
import { startSimulator, type Simulator } from '../../simulator/server';
import { createPaceOmsSim, PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';

let sim: Simulator;
beforeAll(async () => (sim = await startSimulator({ venues: [createPaceOmsSim('pocketful')], pages: [] })));
afterAll(async () => sim.stop());
beforeEach(() => {
  sim.reset();
  sim.seed('pocketful', [
    { id: '101', extra: { executionType: 'CO', exchangeOrderId: 'E101', legOrderIndicator: 'ENTRY' } },
    { id: '102', extra: { executionType: 'REGULAR' } },
    { id: '103', status: 'filled', extra: { executionType: 'CO', exchangeOrderId: 'E103', legOrderIndicator: 'ENTRY' } },
    { id: '104', extra: { executionType: 'SPD', exchangeOrderId: 'E104', legOrderIndicator: 'ENTRY' } },
  ]);
});

const creds = PACE_TEST_CREDENTIALS.pocketful;
const requestOf = (b: Built): HttpRequest => {
  if (!('request' in b)) throw new Error(JSON.stringify(b.refused));
  return b.request;
};
const build = async (order: object) => requestOf(await pocketful.cancel.build({ order: order as never, credentials: creds, nowMs: Date.now() }));
const co101 = { omsOrderId: '101', executionType: 'CO', exchangeOrderId: 'E101', legOrderIndicator: 'ENTRY' };
const status = (id: string) => sim.orders('pocketful').find((o) => o.id === id)!.status;

describe('Pocketful simulator', () => {
  it('accepts the adapter\'s kart cancel and cancels the order', async () => {
    const res = await sendToSimulator(sim.port, await build(co101));
    expect(pocketful.cancel.parse(res, { order: co101, credentials: creds, nowMs: 0 })).toMatchObject({ kind: 'cancelled' });
    expect(status('101')).toBe('cancelled');
  });

  it('acknowledges a REGULAR cancel and confirms it a moment later', async () => {
    const order = { omsOrderId: '102', executionType: 'REGULAR' };
    const res = await sendToSimulator(sim.port, await build(order));
    expect(pocketful.cancel.parse(res, { order, credentials: creds, nowMs: 0 })).toMatchObject({ kind: 'pending' });
    expect(status('102')).toBe('cancelling');
    await expect.poll(() => status('102')).toBe('cancelled');
  });

  it.each([
    ['a wrong token', { authorization: 'Bearer sim-pocketful-token-9999.notARealSignature' }, 401],
    ['no token header at all', { Authorization: undefined, 'x-authorization-token': undefined, 'x-auth-token': undefined }, 401],
    ['a wrong x-auth-token beside right ones', { 'x-auth-token': 'sim-pocketful-token-9999.notARealSignature' }, 401],
    ['no device type', { 'x-device-type': undefined }, 400],
  ])('rejects %s and cancels nothing', async (_, headers, expected) => {
    const res = await sendToSimulator(sim.port, await build(co101), { headers });
    expect(res.status).toBe(expected);
    expect(status('101')).toBe('open');
  });

  it.each([
    ['the document\'s examples (x-authorization-token only)', { Authorization: undefined, 'x-auth-token': undefined }],
    ['the document\'s header table (x-auth-token only)', { Authorization: undefined, 'x-authorization-token': undefined }],
  ])('accepts the token as %s', async (_, headers) => {
    const res = await sendToSimulator(sim.port, await build(co101), { headers });
    expect(res.status).toBe(200);
    expect(status('101')).toBe('cancelled');
    expect(sim.apiRequests('pocketful')[0]!.headers.authorization).toBeUndefined();
  });

  it('the adapter sends the token in all three headers', async () => {
    await sendToSimulator(sim.port, await build(co101));
    expect(sim.apiRequests('pocketful')[0]!.headers).toMatchObject({ authorization: `Bearer ${creds.accessToken}`, 'x-authorization-token': creds.accessToken, 'x-auth-token': creds.accessToken });
  });

  it('rejects a kart body with other keys, a wrong client id, or a REGULAR cancel with a body', async () => {
    const req = await build(co101);
    expect((await sendToSimulator(sim.port, req, { body: req.body!.replace('"client_id":"QC1234"', '"client_id":"OTHER"') })).status).toBe(403);
    expect((await sendToSimulator(sim.port, req, { body: req.body!.replace('}', ',"status":"CONFIRMED"}') })).status).toBe(400);
    const regular = await build({ omsOrderId: '102', executionType: 'REGULAR' });
    expect((await sendToSimulator(sim.port, regular, { body: '{}' })).status).toBe(400);
    expect(status('101')).toBe('open');
    expect(status('102')).toBe('open');
  });

  it('a filled or already cancelled order cannot be cancelled, answered in the venue error shape', async () => {
    const filled = { ...co101, omsOrderId: '103', exchangeOrderId: 'E103' };
    const res = await sendToSimulator(sim.port, await build(filled));
    expect(JSON.parse(res.body)).toMatchObject({ status: 'error' });
    expect(pocketful.cancel.parse(res, { order: filled, credentials: creds, nowMs: 0 })).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
  });

  it('accepts both SPD route forms', async () => {
    const spd = { omsOrderId: '104', executionType: 'SPD', exchangeOrderId: 'E104', legOrderIndicator: 'ENTRY', orderStatus: 'CONFIRMED' };
    const req = await build(spd);
    expect((await sendToSimulator(sim.port, req, { path: '/api/v1/orders/kart/' })).status).toBe(200);
    expect(status('104')).toBe('cancelled');
  });

  it('serves the pending list and history from the same state', async () => {
    const input = { order: {}, credentials: creds, nowMs: Date.now() };
    const list = pocketful.openOrders.parse(await sendToSimulator(sim.port, requestOf(await pocketful.openOrders.build(input))), input);
    expect('orders' in list && list.orders.map((o) => o.key).sort()).toEqual(['101', '102', '104']);
    const lookupInput = { ...input, order: { omsOrderId: '103' } };
    const history = pocketful.lookup.parse(await sendToSimulator(sim.port, requestOf(await pocketful.lookup.build(lookupInput))), lookupInput);
    expect(history).toMatchObject({ orders: [{ key: '103', state: 'closed', venueStatus: 'COMPLETE' }] });
  });

  it('an expired token is answered 401, as the OMS does', async () => {
    sim.fault({ venue: 'pocketful', fault: { kind: 'expired-token' } });
    const res = await sendToSimulator(sim.port, await build(co101));
    expect(res.status).toBe(401);
    expect(status('101')).toBe('open');
  });
});

describe('PaceTrader simulator with only the document\'s spread route', () => {
  let doc: Simulator;
  const pace = PACE_TEST_CREDENTIALS.pacetrader;
  const kartBody = (id: string, type: string) =>
    JSON.stringify({ client_id: pace.clientId, exchange_order_id: `E${id}`, execution_type: type, leg_order_indicator: 'ENTRY', oms_order_id: id, ...(type === 'CO' ? {} : { status: 'CONFIRMED' }) });
  const del = (path: string, body: string): HttpRequest => ({
    method: 'DELETE',
    url: `https://pacetrader.pacefin.in${path}`,
    headers: { Authorization: `Bearer ${pace.accessToken}`, 'x-authorization-token': pace.accessToken, 'x-device-type': 'WEB', 'Content-Type': 'application/json' },
    body,
  });
  const docStatus = (id: string) => doc.orders('pacetrader').find((o) => o.id === id)!.status;

  beforeAll(async () => (doc = await startSimulator({ venues: [createPaceOmsSim('pacetrader', { kartRoute: 'document' })], pages: [] })));
  afterAll(async () => doc.stop());
  beforeEach(() => {
    doc.reset();
    doc.seed('pacetrader', [
      { id: '201', extra: { executionType: 'SPD', exchangeOrderId: 'E201', legOrderIndicator: 'ENTRY' } },
      { id: '202', extra: { executionType: 'CO', exchangeOrderId: 'E202', legOrderIndicator: 'ENTRY' } },
    ]);
  });

  it('answers the id-in-path route 404 (not the OMS envelope) and cancels nothing', async () => {
    const res = await sendToSimulator(doc.port, del('/api/v1/orders/kart/201', kartBody('201', 'SPD')));
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).not.toHaveProperty('status');
    expect(docStatus('201')).toBe('open');
  });

  it('takes the document\'s route, the order only in the body, for every kart order', async () => {
    const spd = await sendToSimulator(doc.port, del('/api/v1/orders/kart/', kartBody('201', 'SPD')));
    const co = await sendToSimulator(doc.port, del('/api/v1/orders/kart/', kartBody('202', 'CO')));
    expect([spd.status, co.status]).toEqual([200, 200]);
    expect(JSON.parse(spd.body)).toMatchObject({ status: 'success' });
    expect([docStatus('201'), docStatus('202')]).toEqual(['cancelled', 'cancelled']);
  });
});
