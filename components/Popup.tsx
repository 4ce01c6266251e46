import { History } from './History';
import { useJournal } from './useJournal';

export function Popup() {
  const entries = useJournal();
  return (
    <main>
      <h1>QuickCancel</h1>
      {entries ? <History entries={entries} /> : <p class="empty">Loading…</p>}
    </main>
  );
}
