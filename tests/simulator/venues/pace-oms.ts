// Tradelab OMS (PaceTrader, Pocketful) played strictly per shared/venues/pace-oms.md.
import { fieldOrder, wording } from './fuzz';
import type { SimOrder, SimRequest, SimResponse, VenueContext, VenueSim } from '../types';

export const PACE_TEST_CREDENTIALS = {
  pocketful: { accessToken: 'sim-pocketful-token-0001.notARealSignature', clientId: 'QC1234' },
  pacetrader: { accessToken: 'sim-pacetrader-token-0001.notARealSignature', clientId: 'QC5678' },
} as const;

const ORIGIN_HOST = { pocketful: 'trade.pocketful.in', pacetrader: 'pacetrader.pacefin.in' } as const;
/** REGULAR/AMO cancels are only acknowledged; the OMS confirms a little later. */
export const PACE_CANCEL_CONFIRM_MS = 300;

const KART_KEYS = ['client_id', 'exchange_order_id', 'execution_type', 'leg_order_indicator', 'oms_order_id', 'status'];

const json = (status: number, value: unknown): SimResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(fieldOrder(value)) });
const success = (data: unknown, message = '') => json(200, { data, message, status: 'success' });
const error = (status: number, error_code: number, message: string) => json(status, { data: {}, error_code, message, status: 'error' });

/** The status string the OMS reports for a simulated order. */
export function paceWireStatus(order: SimOrder): string {
  switch (order.status) {
    case 'cancelled': return order.extra.executionType === 'AMO' ? 'AMO_CANCEL_CONFIRMED' : 'CANCELLED';
    case 'filled': return 'COMPLETE';
    case 'rejected': case 'expired': return 'REJECTED';
    default: return String(order.extra.orderStatus ?? (order.extra.executionType === 'AMO' ? 'AMO_REQ_RECEIVED' : 'CONFIRMED'));
  }
}

/** A basket id in the document's form ("20210531-23"): the order's day and a short number. */
const basketId = (order: SimOrder) => `${new Date(order.createdAtMs).toISOString().slice(0, 10).replace(/-/g, '')}-${order.id.replace(/\D/g, '').slice(-2) || '1'}`;

export function paceRow(order: SimOrder) {
  return {
    oms_order_id: order.id,
    exchange_order_id: String(order.extra.exchangeOrderId ?? (order.extra.executionType === 'AMO' ? '' : `13000000${order.id.replace(/\D/g, '').slice(-8)}`)),
    execution_type: String(order.extra.executionType ?? 'REGULAR'),
    leg_order_indicator: order.extra.legOrderIndicator ?? null,
    order_status: paceWireStatus(order),
    trading_symbol: order.symbol,
    order_side: order.side,
    quantity: order.quantity,
    filled_quantity: order.filled,
    remaining_quantity: order.quantity - order.filled,
    price: order.price,
    trigger_price: 0,
    order_entry_time: Math.floor(order.createdAtMs / 1000),
    exchange: String(order.extra.exchange ?? 'NSE'),
    product: String(order.extra.product ?? 'MIS'),
  };
}

export interface PaceSimOptions {
  /**
   * 'document': a server with only the kart route the PaceTrader spread page shows,
   * `/api/v1/orders/kart/` with the order in the body; the id-in-path route answers 404.
   * Default 'both': the id in the path, and the page's route for spread orders.
   */
  kartRoute?: 'both' | 'document';
}

export function createPaceOmsSim(venue: 'pocketful' | 'pacetrader', options: PaceSimOptions = {}): VenueSim {
  const documentOnly = options.kartRoute === 'document';
  const creds = PACE_TEST_CREDENTIALS[venue];

  function checkAuth(req: SimRequest, ctx: VenueContext): SimResponse | undefined {
    const h = req.headers;
    // The token may come as the document's header table names it (x-auth-token), as its examples
    // send it (x-authorization-token) or as the SDKs do (Bearer); at least one, and none wrong.
    const given = [h.authorization?.replace(/^Bearer /, ''), h['x-authorization-token'], h['x-auth-token']].filter((v) => v !== undefined);
    if (given.length === 0 || given.some((v) => v !== creds.accessToken)) return error(401, 40000, 'Request Unauthorised');
    if (ctx.tokenExpired()) return error(401, 40000, 'Request Unauthorised');
    if (h['x-device-type'] !== 'WEB') return error(400, 44000, 'x-device-type is required');
    if (!h['content-type']?.startsWith('application/json')) return error(400, 44000, 'Content-Type must be application/json');
    return undefined;
  }

  function cancelOrder(order: SimOrder, ctx: VenueContext, confirmLater: boolean): SimResponse | undefined {
    // No document gives these bodies (pace-oms.md "Exact bodies for cancelling an already-closed order").
    if (order.status === 'cancelled') return error(400, 45010, wording([`Order already cancelled for OMS Order: ${order.id}`, `Order is not in a cancellable state for OMS Order: ${order.id}`, 'Order already cancelled']));
    if (order.status === 'filled') return error(400, 45010, wording([`Order already completed for OMS Order: ${order.id}`, `Order is not in a cancellable state for OMS Order: ${order.id}`, 'Order already executed']));
    if (order.status === 'rejected' || order.status === 'expired') return error(400, 45010, wording([`Order already rejected for OMS Order: ${order.id}`, `Order is not in a cancellable state for OMS Order: ${order.id}`]));
    if (order.status === 'cancelling') return error(400, 45000, 'Error from backend: (16387)-cancel already in progress');
    if (!confirmLater) {
      order.status = 'cancelled';
      return undefined;
    }
    order.status = 'cancelling';
    ctx.later(PACE_CANCEL_CONFIRM_MS, () => {
      if (order.status === 'cancelling') order.status = 'cancelled';
    });
    return undefined;
  }

  function handle(req: SimRequest, ctx: VenueContext): SimResponse {
    const url = new URL(req.path, `https://${ORIGIN_HOST[venue]}`);
    const q = url.searchParams;
    const denied = checkAuth(req, ctx);
    if (denied) return denied;
    const clientOk = (id: string | null) => id === creds.clientId;

    if (req.method === 'GET' && url.pathname === '/api/v1/user/trading_info') return success({ client_id: creds.clientId });

    if (req.method === 'GET' && url.pathname === '/api/v1/orders') {
      const type = q.get('type');
      if (!clientOk(q.get('client_id'))) return error(403, 40000, 'Request forbidden');
      if (type !== 'pending' && type !== 'completed') return error(400, 44000, 'type must be pending or completed');
      const open = (o: SimOrder) => o.status === 'open' || o.status === 'cancelling';
      const rows = [...ctx.orders.values()].filter((o) => (type === 'pending' ? open(o) : !open(o))).map(paceRow);
      return success({ orders: rows });
    }

    const history = /^\/api\/v1\/order\/([^/]+)\/history$/.exec(url.pathname);
    if (req.method === 'GET' && history) {
      if (!clientOk(q.get('client_id'))) return error(403, 40000, 'Request forbidden');
      const order = ctx.orders.get(decodeURIComponent(history[1]!));
      if (!order) return json(400, { status: 'failed', message: 'Order not found', data: {} });
      const row = paceRow(order);
      return success({ 'order history': [{ ...row, status: 'RECEIVED', modified_at: row.order_entry_time }, { ...row, status: row.order_status, modified_at: row.order_entry_time + 1 }] });
    }

    const regular = /^\/api\/v1\/orders\/(?!kart\/)([^/]+)$/.exec(url.pathname);
    if (req.method === 'DELETE' && regular) {
      if (req.body !== '') return error(400, 44000, 'this route takes no body');
      if ([...q.keys()].sort().join() !== 'client_id,execution_type') return error(400, 44000, 'client_id and execution_type are required');
      if (!clientOk(q.get('client_id'))) return error(403, 40000, 'Request forbidden');
      const order = ctx.orders.get(decodeURIComponent(regular[1]!));
      if (!order) return json(400, { status: 'failed', message: 'Order not found', data: {} });
      const type = String(order.extra.executionType ?? 'REGULAR');
      if (q.get('execution_type') !== type) return error(400, 44000, `execution_type does not match the order (${type})`);
      const refused = cancelOrder(order, ctx, true);
      return refused ?? success({}, `Order cancellation request submitted for OMS Order: ${order.id}`);
    }

    const kart = /^\/api\/v1\/orders\/kart\/([^/]*)$/.exec(url.pathname);
    if (req.method === 'DELETE' && kart) {
      if (documentOnly && kart[1] !== '') return json(404, { error: { code: 404, message: 'route not found' } });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(req.body);
      } catch {
        return error(400, 44000, 'invalid JSON body');
      }
      const pathId = decodeURIComponent(kart[1]!);
      const order = ctx.orders.get(String(body.oms_order_id ?? ''));
      if (!order) return json(400, { status: 'failed', message: 'Order not found', data: {} });
      const row = paceRow(order);
      const type = row.execution_type;
      // The spread docs page shows the route without the id; the SDKs put it in the path.
      if (pathId !== order.id && !((type === 'SPD' || documentOnly) && pathId === '')) return json(404, { error: { code: 404, message: 'route not found' } });
      const expected = KART_KEYS.filter((k) => k !== 'status' || type !== 'CO');
      if (Object.keys(body).sort().join() !== expected.join()) return error(400, 44000, `body must carry exactly ${expected.join(', ')}`);
      if (!clientOk(String(body.client_id))) return error(403, 40000, 'Request forbidden');
      if (!['BO', 'CO', 'SPD'].includes(type) || body.execution_type !== type) return error(400, 44000, `execution_type does not match the order (${type})`);
      // The Pocketful document's own error example, word for word.
      if (!body.exchange_order_id) return error(400, 44000, "`exchange_order_id` can't be blank");
      if (body.exchange_order_id !== row.exchange_order_id) return error(400, 45000, 'Error from backend: (16273)-exchange order id mismatch');
      if (body.leg_order_indicator !== row.leg_order_indicator) return error(400, 44000, 'leg_order_indicator does not match');
      if (type !== 'CO' && body.status !== row.order_status) return error(400, 44000, 'status does not match the order');
      const refused = cancelOrder(order, ctx, false);
      if (refused) return refused;
      // Each venue's document shows its own answer: PaceTrader's spread page a bare envelope,
      // Pocketful's cover-order page the message inside data with the basket id.
      if (venue === 'pacetrader') return json(200, { status: 'success', message: 'Order cancelled successfully' });
      return success({ basket_id: basketId(order), message: 'Order Cancelled Successfully' });
    }

    return json(404, { error: { code: 404, message: 'route not found' } });
  }

  return {
    id: venue,
    apiHosts: [ORIGIN_HOST[venue]],
    isApiPath: (path) => path.startsWith('/api/'),
    handle,
  };
}
