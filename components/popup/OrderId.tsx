// An order id in a history row: a long one (a CoinSwitch UUID) keeps its start and its end
// visible with the ellipsis in the middle, the whole id is in the text a screen reader reads and
// in the tooltip, and a copy button puts it on the clipboard.
import { useState } from 'preact/hooks';

/** The end kept visible: enough to tell two UUIDs apart by eye. */
const TAIL = 8;

export function OrderId({ id, venueName }: { id: string; venueName: string }) {
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const split = id.length > 2 * TAIL;

  async function copy() {
    try {
      await navigator.clipboard.writeText(id);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  return (
    <span class="order-id">
      <strong class="id" title={id} data-order-id={id}>
        <span class="id-venue">{venueName} · </span>
        {split ? (
          <>
            <span class="id-head">{id.slice(0, -TAIL)}</span>
            <span class="id-tail">{id.slice(-TAIL)}</span>
          </>
        ) : (
          <span class="id-tail">{id}</span>
        )}
      </strong>
      <button type="button" class="link copy" aria-label={`Copy order id ${id}`} onClick={() => void copy()} onBlur={() => setCopied(undefined)}>
        {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Copy failed' : 'Copy'}
      </button>
    </span>
  );
}
