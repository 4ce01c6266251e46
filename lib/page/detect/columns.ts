// What a column holds, from its header text in any case and spacing: "Order ID", "Order No.",
// "Order #", "OMS Order ID", "Client Order ID", "Exch. Order ID", "Status", "Symbol"…
import type { VenueId } from '@/lib/model';
import type { IdKind } from '../../venues/descriptor';
import { pageOf } from '../../venues/pages';
import { normHeader } from './text';

export type { IdKind };
export type Field =
  | `id:${IdKind}`
  | 'trade'
  | 'status'
  | 'symbol'
  | 'side'
  | 'quantity'
  | 'price'
  | 'leg'
  | 'type'
  | 'time'
  | 'action';

// "…id", "…no", "…#", "…ref": a header naming a number.
const NUM = '(?=.*(\\b(id|no|num|number|nr|nb|ref|reference)\\b|#))';
const rule = (field: Field, source: string): [Field, RegExp] => [field, new RegExp(source)];

const RULES: Array<[Field, RegExp]> = [
  rule('id:exchange', `^${NUM}.*\\b(exch|exchange|exchg|exg)\\b`),
  rule('trade', `^${NUM}.*\\b(trade|fill|execution|exec|deal|transaction|txn)\\b`),
  rule('id:client', `^${NUM}.*\\b(client|clnt|cl|user|custom|customer)\\b.*\\b(order|ord)\\b|^(cl ?ord ?id|client oid|coid)$`),
  rule('id:oms', `^${NUM}.*\\boms\\b`),
  rule('id:order', '^(order|ord) ?(id|no|num|number|nr|ref|reference|#)(\\s|$)|^order(id|no)(\\s|$)'),
  rule('id:bare', '^id$'),
  rule('status', '^(order )?(status|state)(\\s|$)'),
  rule('symbol', '^(symbol|instrument|instr|scrip|ticker|pair|market|contract|security|trading symbol|stock|asset|coin)(\\s|$)'),
  rule('side', '^(side|b s|buy sell|direction|operation|bs)$'),
  rule('quantity', '^(qty|quantity|amount|size|volume|lots?|order qty|total qty|orig qty)(\\s|$)'),
  rule('price', '^(price|limit price|order price|rate)(\\s|$)'),
  rule('leg', '^leg(\\s|$)'),
  rule('type', '^(type|order type|product|execution type|variety)(\\s|$)'),
  rule('time', '^(time|order time|placed|placed at|created|created at|date|date time|timestamp|order date)(\\s|$)'),
  rule('action', '^(actions?|cancel|manage|options)?$'),
];

/** The field a header names, or undefined. */
export function classifyHeader(text: string): Field | undefined {
  const h = normHeader(text);
  for (const [field, re] of RULES) if (re.test(h)) return field;
  return undefined;
}


/** Hint names for the id columns not cancelled by. */
export const OTHER_ID_HINT: Record<IdKind, string> = {
  oms: 'omsOrderId',
  order: 'venueOrderId',
  bare: 'venueOrderId',
  client: 'clientOrderId',
  exchange: 'exchangeOrderId',
};

export const HINT_FIELDS = ['symbol', 'side', 'quantity', 'price', 'leg', 'type'] as const;

export interface ColumnPlan<K> {
  id: K;
  status?: K;
  slot?: K;
  hints: Array<[string, K]>;
  /** A trade-id column: the table lists trades, which cannot be cancelled. */
  trades: boolean;
}

/** Turns classified columns (key → field, in display order) into what to read, for one venue. */
export function planColumns<K>(columns: Array<[K, Field | undefined]>, venue: VenueId): ColumnPlan<K> | undefined {
  const first = (f: Field) => columns.find(([, c]) => c === f)?.[0];
  // Which id column the venue cancels by, best first: its page.ts says.
  const kind = pageOf[venue].idPreference.find((k) => first(`id:${k}`) !== undefined);
  if (!kind) return undefined;
  const id = first(`id:${kind}`)!;
  const hints: Array<[string, K]> = [];
  for (const f of HINT_FIELDS) {
    const key = first(f);
    if (key !== undefined) hints.push([f, key]);
  }
  for (const k of ['oms', 'order', 'client', 'exchange'] as const) {
    const key = first(`id:${k}`);
    if (key !== undefined && key !== id && !hints.some(([name]) => name === OTHER_ID_HINT[k])) hints.push([OTHER_ID_HINT[k], key]);
  }
  const actions = columns.filter(([, c]) => c === 'action');
  return {
    id,
    status: first('status'),
    slot: actions.length ? actions[actions.length - 1]![0] : undefined,
    hints,
    trades: first('trade') !== undefined,
  };
}
