// While the popup is open on a venue that has keys, its connection is kept warm the way a page
// showing orders keeps it (lib/background/keep-warm.ts): a cancel from here opens no connection
// either. Nothing is drawn; it stops when the popup closes or another venue is chosen.
import { useEffect } from 'preact/hooks';
import type { VenueId } from '@/lib/model';
import { send } from '../api';

/** Used when the background does not say (an older one). */
const FALLBACK_MS = 15_000;

export function KeepWarm({ venue }: { venue: VenueId }) {
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const reply = await send({ type: 'status', venue, orderIds: [], orders: true });
      if (!stopped) timer = setTimeout(() => void ask(), reply?.ok && reply.refreshMs ? reply.refreshMs : FALLBACK_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [venue]);
  return null;
}
