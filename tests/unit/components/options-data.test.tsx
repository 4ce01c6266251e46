import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { $, byText, click, entry, mount, replies, sent, submit, type, unmountAll, waitFor } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { PageRules, ruleProblem } = await import('../../../components/options/PageRules');
const { HistorySection } = await import('../../../components/options/HistorySection');
const { csvCell, toCsv, toJson } = await import('../../../components/options/export');
const send = vi.mocked(api.send);

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  unmountAll();
  send.mockReset();
  vi.restoreAllMocks();
});

describe('page rules', () => {
  it('adds a rule to storage.local pageRules, and removes it', async () => {
    await fakeBrowser.storage.local.set({ pageRules: [{ venue: 'tradernet', row: '.order', idHeader: 'ID' }] });
    const root = mount(<PageRules />);
    await waitFor(() => root.querySelector('table.rules'));
    await type($(root, '#rule-row'), ' table.orders tbody tr ');
    await type($(root, '#rule-idSelector'), 'td.oid');
    await type($(root, '#rule-statusHeader'), 'Status ');
    await submit($(root, 'form'));
    const { pageRules } = await fakeBrowser.storage.local.get('pageRules');
    expect(pageRules).toEqual([
      { venue: 'tradernet', row: '.order', idHeader: 'ID' },
      { venue: 'pocketful', row: 'table.orders tbody tr', idSelector: 'td.oid', statusHeader: 'Status' },
    ]);
    expect(root.querySelectorAll('table.rules tbody tr')).toHaveLength(2);
    await click($(root, 'button[aria-label="Remove rule .order"]'));
    expect((await fakeBrowser.storage.local.get('pageRules')).pageRules).toEqual([{ venue: 'pocketful', row: 'table.orders tbody tr', idSelector: 'td.oid', statusHeader: 'Status' }]);
  });

  it('refuses a rule it could not use, and says why', async () => {
    const root = mount(<PageRules />);
    await type($(root, '#rule-row'), 'tr[');
    await type($(root, '#rule-idHeader'), 'Order No.');
    await submit($(root, 'form'));
    expect($(root, '[role=alert]').textContent).toBe('“tr[” is not a valid CSS selector.');
    expect((await fakeBrowser.storage.local.get('pageRules')).pageRules).toBeUndefined();
    const draft = { venue: 'pocketful', row: 'tr', idSelector: '', idHeader: '', statusSelector: '', statusHeader: '' };
    expect(ruleProblem(draft)).toContain('Say where the order id is');
    expect(ruleProblem({ ...draft, venue: 'nasdaq', idSelector: 'td' })).toBe('Pick a venue.');
    expect(ruleProblem({ ...draft, idHeader: 'x'.repeat(201) })).toContain('too long');
    expect(ruleProblem({ ...draft, idHeader: 'Order No.', statusSelector: 'td..x' })).toBe('“td..x” is not a valid CSS selector.');
    expect(ruleProblem({ ...draft, idHeader: 'Order No.', statusHeader: 'Status' })).toBeNull();
  });
});

describe('history export and clear', () => {
  it('CSV: one row per entry, quoted where needed, formulas defused', () => {
    const e = entry({ orderId: '=HYPERLINK("x")', message: 'Rejected, "not open"', symbol: 'TCS', startedAtMs: Date.UTC(2026, 10, 22) });
    const [head, row, end] = toCsv([e]).split('\r\n');
    expect(head).toBe('startedAt,venue,orderId,status,filled,message,symbol,side,quantity,price,latencyMs,attempts,source,id');
    expect(row).toBe(`2026-11-22T00:00:00.000Z,pocketful,"'=HYPERLINK(""x"")",cancelled,,"Rejected, ""not open""",TCS,,,,42,1,page,${e.id}`);
    expect(end).toBe('');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('+1')).toBe("'+1");
  });

  it('CSV: the fill the venue reported has its own column', () => {
    const e = entry({ message: 'Cancelled', outcome: { kind: 'cancelled', filled: { qty: 3, of: 10 } } });
    expect(toCsv([e]).split('\r\n')[1]).toContain(',cancelled,3 of 10,Cancelled,');
    expect(toCsv([entry({ outcome: { kind: 'already-closed', filled: { qty: 0.5 } } })]).split('\r\n')[1]).toContain(',0.5,');
  });

  it('CSV: a formula hidden behind whitespace, a line break or a full-width sign is defused too', () => {
    for (const sneaky of [' =1+1', '\n=cmd|" /C calc"!A0', '\t@SUM(A1)', '\u3000+1', '＝1+1', '＋1', '－1', '＠SUM(A1)']) {
      expect(csvCell(sneaky).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('Order not found')).toBe('Order not found');
    expect(csvCell('order 12-34')).toBe('order 12-34');
  });

  it('JSON: the entries as the journal holds them', () => {
    const e = entry();
    expect(JSON.parse(toJson([e]))).toEqual([e]);
  });

  it('downloads through a Blob and an <a download>', async () => {
    const urls: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (urls.push(b as Blob), 'blob:qc'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const entries = [entry({ orderId: 'E1' }), entry({ orderId: 'E2' })];
    const root = mount(<HistorySection entries={entries} />);
    expect(root.textContent).toContain('2 cancels recorded');
    await click(byText(root, 'button', 'Export CSV'));
    await click(byText(root, 'button', 'Export JSON'));
    expect(clicked[0]).toMatch(/^quickcancel-history-.*\.csv$/);
    expect(clicked[1]).toMatch(/^quickcancel-history-.*\.json$/);
    expect(await urls[0]!.text()).toBe(toCsv(entries));
    expect(JSON.parse(await urls[1]!.text())).toEqual(entries);
  });

  it('clear asks first, then sends history.clear', async () => {
    send.mockImplementation(replies({ 'history.clear': { ok: true } }));
    const root = mount(<HistorySection entries={[entry()]} />);
    await click(byText(root, 'button', 'Clear history…'));
    expect(root.textContent).toContain('Delete all 1 history entries?');
    await click(byText(root, 'button', 'Keep them'));
    expect(send).not.toHaveBeenCalled();
    await click(byText(root, 'button', 'Clear history…'));
    await click(byText(root, 'button', 'Clear history'));
    expect(sent(send)).toEqual([{ type: 'history.clear' }]);
    expect(root.textContent).toContain('History cleared.');
  });

  it('with no history there is nothing to export or clear', () => {
    const root = mount(<HistorySection entries={[]} />);
    for (const label of ['Export CSV', 'Export JSON', 'Clear history…']) expect(byText(root, 'button', label).hasAttribute('disabled')).toBe(true);
  });
});
