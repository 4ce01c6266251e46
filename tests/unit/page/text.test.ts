// Reading what a page shows: header synonyms, status words, ids inside nested markup.
import { describe, expect, it } from 'vitest';
import { classifyHeader, planColumns, type Field } from '../../../lib/page/detect/columns';
import { cellId, cellText, clampHints, isCancellableStatus, normHeader } from '../../../lib/page/detect/text';
import { pageOf } from '../../../lib/venues/pages';
import { descriptorOf } from '../../../lib/venues/registry';
import { venues } from '../../../lib/venues';
import { VENUE_IDS } from '../../../lib/venues/types';

const el = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.firstElementChild!;
};
const td = (html: string) => el(`<table><tr>${html}</tr></table>`).querySelector('td');

describe('header text', () => {
  it.each([
    ['Order ID', 'id:order'], ['order id', 'id:order'], ['ORDER-ID', 'id:order'], ['OrderId', 'id:order'], ['orderid', 'id:order'],
    ['Order No.', 'id:order'], ['Order  No', 'id:order'], ['Ord. No.', 'id:order'], ['Order #', 'id:order'], ['Order#', 'id:order'],
    ['Order Number', 'id:order'], ['Order\u00a0ID ⓘ', 'id:order'], ['Order ID ▲', 'id:order'], ['ID', 'id:bare'],
    ['OMS Order ID', 'id:oms'], ['OMS order no.', 'id:oms'], ['Client Order ID', 'id:client'], ['clientOrderId', 'id:client'],
    ['User order ID', 'id:client'], ['ClOrdID', 'id:client'], ['Exch. Order ID', 'id:exchange'], ['Exchange Order No.', 'id:exchange'],
    ['Exch. No.', 'id:exchange'], ['Trade ID', 'trade'], ['Trade No.', 'trade'], ['Fill ID', 'trade'],
    ['Status', 'status'], ['Order Status', 'status'], ['STATE', 'status'],
    ['Symbol', 'symbol'], ['Instrument', 'symbol'], ['Scrip', 'symbol'], ['Pair', 'symbol'], ['Contract', 'symbol'], ['Ticker', 'symbol'],
    ['Side', 'side'], ['B/S', 'side'], ['Buy/Sell', 'side'], ['Qty.', 'quantity'], ['Quantity', 'quantity'], ['Amount', 'quantity'],
    ['Price', 'price'], ['Limit Price', 'price'], ['Leg', 'leg'], ['Product', 'type'], ['Order Type', 'type'], ['Actions', 'action'], ['', 'action'],
  ] as Array<[string, Field]>)('"%s" is %s', (text, field) => {
    expect(classifyHeader(text)).toBe(field);
  });

  it.each(['Order', 'Order Time', 'Client ID', 'Exchange', '#', 'No.', 'Avg. Price', 'Filled/Qty', 'Order Type'])('"%s" is no id column', (text) => {
    expect(classifyHeader(text)?.startsWith('id:') ?? false).toBe(false);
  });

  it('normalises case, punctuation, camelCase and odd spaces', () => {
    expect(normHeader(' Exch.\u00a0Order-ID ')).toBe('exch order id');
    expect(normHeader('omsOrderNo')).toBe('oms order no');
  });

  const cols = (...headers: string[]) => headers.map((h, i) => [i, classifyHeader(h)] as [number, Field | undefined]);

  it('Pace venues cancel by the OMS id; the exchange id and other ids become hints', () => {
    const plan = planColumns(cols('Exch. Order ID', 'Order No.', 'OMS Order ID', 'Status', 'Symbol', ''), 'pocketful')!;
    expect(plan.id).toBe(2);
    expect(plan.status).toBe(3);
    expect(plan.slot).toBe(5);
    expect(plan.hints).toEqual(expect.arrayContaining([['exchangeOrderId', 0], ['venueOrderId', 1], ['symbol', 4]]));
    expect(planColumns(cols('Order ID', 'Status'), 'pacetrader')!.id).toBe(0);
  });

  it('ZebPay cancels only by the client order id, never by the exchange\'s order id', () => {
    expect(planColumns(cols('Order ID', 'Status'), 'zebpay-futures')).toBeUndefined();
    const plan = planColumns(cols('Order ID', 'Client Order ID', 'Status'), 'zebpay-futures')!;
    expect(plan.id).toBe(1);
    expect(plan.hints).toContainEqual(['venueOrderId', 0]);
  });

  it('Tradernet and CoinSwitch cancel by the order id, not the exchange number nor the user\'s own id', () => {
    expect(planColumns(cols('Exch. No.', 'User order ID', 'Order #'), 'tradernet')!.id).toBe(2);
    expect(planColumns(cols('Exch. No.'), 'tradernet')).toBeUndefined();
    expect(planColumns(cols('Client Order ID', 'Order ID'), 'coinswitch')!.id).toBe(1);
  });

  it('a trade-id column marks a table of trades', () => {
    expect(planColumns(cols('Trade ID', 'Order ID'), 'tradernet')!.trades).toBe(true);
    expect(planColumns(cols('Order ID', 'Status'), 'tradernet')!.trades).toBe(false);
  });
});

describe('status words', () => {
  it.each([
    'open', 'OPEN', 'New', 'NEW', 'pending', 'Placed', 'CONFIRMED', 'MODIFY_CONFIRMED', 'Trigger Pending', 'TRIGGER_PENDING',
    'Partially Filled', 'PARTIALLY_FILLED', 'partially executed', 'PARTIALLY_EXECUTED', 'Part. filled', 'AMO_REQ_RECEIVED', 'Active', 'Working',
    'Cancellation Raised', 'Something unheard of', '',
  ])('"%s" is cancellable', (s) => {
    expect(isCancellableStatus(s)).toBe(true);
  });

  it.each([
    'filled', 'FILLED', 'Executed', 'EXECUTED', 'complete', 'COMPLETE', 'Completed', 'cancelled', 'CANCELLED', 'canceled', 'Canceled',
    'AMO_CANCEL_CONFIRMED', 'rejected', 'REJECTED', 'expired', 'EXPIRED', 'Discarded', 'Closed',
  ])('"%s" is not', (s) => {
    expect(isCancellableStatus(s)).toBe(false);
  });

  it('no status means cancellable', () => {
    expect(isCancellableStatus(undefined)).toBe(true);
  });
});

describe('cell text and ids in nested markup', () => {
  it('flattens nested elements, drops icon glyphs and odd spaces', () => {
    expect(cellText(td('<td> <a href="#"><b>2026</b><span>1122</span></a>\u00a0<i class="icon">\ue14d</i>\u200b </td>'))).toBe('20261122');
    expect(cellText(td('<td><span>Trigger</span>\u00a0\n <span>Pending</span></td>'))).toBe('Trigger Pending');
    expect(cellText(null)).toBe('');
  });

  it.each([
    ['<td>202611220001</td>', 'pocketful', '202611220001'],
    ['<td><a href="#o/1"><span>20261122-92</span></a> <button aria-label="copy"><svg><path d="M0 0"/></svg></button></td>', 'pacetrader', '20261122-92'],
    ['<td>#8391021</td>', 'tradernet', '8391021'],
    ['<td>Order 8391021 (Limit)</td>', 'tradernet', '8391021'],
    ['<td><span>\u00a0myLimitOrder456\u00a0</span></td>', 'zebpay-futures', 'myLimitOrder456'],
    ['<td title="698ed406-8ef5-4664-9779-f7978702a447">698ed406…a447</td>', 'coinswitch', '698ed406-8ef5-4664-9779-f7978702a447'],
    ['<td><span>698ed406…</span><button data-clipboard-text="698ed406-8ef5-4664-9779-f7978702a447">⧉</button></td>', 'coinswitch', '698ed406-8ef5-4664-9779-f7978702a447'],
  ] as const)('%s → %s id %s', (html, venue, id) => {
    expect(cellId(td(html), venue)).toBe(id);
  });

  it.each([
    ['<td>—</td>', 'pocketful'], ['<td>-</td>', 'pocketful'], ['<td>No orders</td>', 'pocketful'], ['<td></td>', 'tradernet'],
    ['<td>AAPL.US</td>', 'tradernet'], ['<td>698ed406…a447</td>', 'coinswitch'], ['<td>—</td>', 'zebpay-futures'],
    // A copy button or title carrying another order's id than the visible ends show is not this row's id.
    ['<td title="1c0a7f3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b">698ed406…a447</td>', 'coinswitch'],
    ['<td><span>698ed406…</span><button data-clipboard-text="1c0a7f3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b">⧉</button></td>', 'coinswitch'],
  ] as const)('%s holds no %s id', (html, venue) => {
    expect(cellId(td(html), venue)).toBeUndefined();
  });

  it('every id the page side accepts is one the venue adapter accepts', () => {
    const samples: Record<string, string[]> = {
      pocketful: ['202403132605', '20210226-92'], pacetrader: ['202403132605'], 'zebpay-futures': ['myLimitOrder456', '598d3bda315afed6f07f-370-zeb'],
      tradernet: ['8391021'], coinswitch: ['698ed406-8ef5-4664-9779-f7978702a447'],
    };
    for (const venue of VENUE_IDS) {
      for (const id of [...(samples[venue] ?? []), descriptorOf[venue].ids.example]) {
        expect(pageOf[venue].idPattern.test(id)).toBe(true);
        expect(venues[venue].idPattern.test(id)).toBe(true);
      }
    }
  });

  it('hints are cut to what the cancel message allows', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`h${i}`, 'x'.repeat(300)]));
    const out = clampHints({ ...many, ['k'.repeat(41)]: 'v' });
    expect(Object.keys(out)).toHaveLength(20);
    expect(Object.values(out).every((v) => v.length === 200)).toBe(true);
  });
});
