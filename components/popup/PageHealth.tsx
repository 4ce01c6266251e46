// "This page": how QuickCancel reads the broker page in front (rows found and by what, rows tied to
// the venue's own orders, rules that read nothing here, open orders the page does not show — each
// still cancellable here), and "Teach this page" for a page it does not read.
import { useEffect, useState } from 'preact/hooks';
import type { PageHealth as Health, PageHealthReply, TeachState } from '@/lib/messages';
import type { VenueId } from '@/lib/model';
import { send } from '../api';
import { venueInfo } from '../venue-info';
import { useFrontTab } from './useFrontTab';

/** How often the popup asks again while open (the page reports only when something changed). */
const POLL_MS = 1000;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function Found({ health, venue }: { health: Health; venue: VenueId }) {
  const how = (['recipe', 'generic', 'rule', 'venue'] as const)
    .filter((k) => health.by[k] > 0)
    .map((k) => `${health.by[k]} by ${{ recipe: 'its recipe', generic: 'reading the table', rule: 'your rule', venue: 'matching the venue’s orders' }[k]}`);
  return (
    <>
      <p data-health="rows">
        {health.rows === 0 ? 'No order rows found on this page.' : `${plural(health.rows, 'order row')} found${how.length ? ` (${how.join(', ')})` : ''}.`}
        {health.unread > 0 && ` ${health.unread} not read yet (out of view).`}
      </p>
      {health.matched > 0 && <p class="muted">{health.matched} tied to {venueInfo[venue].name}’s own open orders.</p>}
      {health.ruleMisses.map((sel) => (
        <p key={sel} class="error" data-health="rule-miss">
          A page rule matches nothing here: <code>{sel}</code>
        </p>
      ))}
    </>
  );
}

function Unshown({ health, venue }: { health: Health; venue: VenueId }) {
  const [results, setResults] = useState<Record<string, string>>({});
  if (health.unshown === null) return null;
  if (health.unshownCount === 0) return <p class="muted" data-health="unshown-none">Every open order {venueInfo[venue].name} reports is on this page.</p>;
  const cancel = async (orderId: string) => {
    setResults((r) => ({ ...r, [orderId]: 'sending…' }));
    const reply = await send({ type: 'cancel', venue, orderId, hints: {} });
    setResults((r) => ({ ...r, [orderId]: !reply.ok ? reply.error : 'entry' in reply && reply.entry ? reply.entry.status : 'sent' }));
  };
  return (
    <div data-health="unshown">
      <p>
        {plural(health.unshownCount, 'open order')} on {venueInfo[venue].name} not shown on this page:
      </p>
      <ul class="unshown">
        {health.unshown.map((o) => (
          <li key={o.orderId} data-order={o.orderId}>
            <span>{[o.symbol, o.side, o.quantity && `qty ${o.quantity}`, o.price && `@ ${o.price}`].filter(Boolean).join(' ')} <code>{o.orderId}</code></span>{' '}
            {results[o.orderId] ? (
              <span data-result={results[o.orderId]}>{results[o.orderId]}</span>
            ) : (
              <button type="button" class="link" aria-label={`Cancel order ${o.orderId}`} onClick={() => void cancel(o.orderId)}>
                Cancel
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Teaching({ teach }: { teach: TeachState | null }) {
  if (!teach) return null;
  if (teach.state === 'teaching') return <p data-teach="teaching">Teaching: click one of your order rows on the page, then Save (Esc stops).</p>;
  if (teach.state === 'saved') return <p data-teach="saved">Rule saved: <code>{teach.rule.row}</code></p>;
  return <p class="muted" data-teach="stopped">{teach.reason}</p>;
}

export function PageHealth() {
  const tab = useFrontTab();
  const [reply, setReply] = useState<PageHealthReply>();
  const [error, setError] = useState('');

  useEffect(() => {
    if (!tab) return;
    let live = true;
    const ask = async () => {
      const next = await send({ type: 'page.health', tabId: tab.id });
      if (live) setReply(next);
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tab]);

  if (!tab) return null;
  const page = reply?.ok ? reply.page : null;
  const teach = reply?.ok ? reply.teach : null;
  const start = async () => {
    const started = await send({ type: 'teach.start', tabId: tab.id });
    setError(started.ok ? '' : started.error);
    if (started.ok) setReply((r) => (r?.ok ? { ...r, teach: { state: 'teaching' } } : r));
  };

  return (
    <section class="page-health pad" aria-label="This page">
      <h2>This page</h2>
      {page ? <Found health={page.health} venue={page.venue} /> : <p class="muted">QuickCancel has no report from this page (not a broker page it runs on, or still loading).</p>}
      {page && <Unshown health={page.health} venue={page.venue} />}
      <Teaching teach={teach} />
      {(page || tab.url) && (
        <button type="button" disabled={teach?.state === 'teaching'} onClick={() => void start()}>
          Teach this page
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
