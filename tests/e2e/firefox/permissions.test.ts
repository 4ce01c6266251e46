// The host-permission path a Firefox user meets. Origins are not granted at install here (as for a
// user who declined them), and Firefox's optional-permission prompt answers yes at once (no prompt
// UI in a headless run): keys for another Tradernet domain ask for that origin from the options
// page's Save click and then work; a needed origin that is not granted stops the cancel before
// anything is sent, with words that say what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREEDOM24_TEST_CREDENTIALS, TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { launchDriver, TEST_PASSPHRASE, unknownHosts, type Driver, type DriverPage } from '../driver';

let d: Driver;
let options: DriverPage;
beforeAll(async () => {
  d = await launchDriver({
    firefoxPrefs: { 'extensions.originControls.grantByDefault': false, 'extensions.webextOptionalPermissionPrompts': false },
  });
  d.sim.seed('tradernet', [{ id: '6060600001', symbol: 'AAPL.US' }, { id: '6060600002', symbol: 'TSLA.US' }]);
  await d.send({ type: 'vault.setup', passphrase: TEST_PASSPHRASE });
  options = await d.extensionPage('options.html');
});
afterAll(async () => d?.close());

const granted = (origin: string) => options.evaluate((o) => (globalThis as any).browser.permissions.contains({ origins: [o] }), origin);
const sentTo = (host: string) => d.sim.apiRequests('tradernet').filter((r) => r.host === host);

describe('host permissions in Firefox', () => {
  it('keys issued by freedom24.com: Save asks for that origin, it is granted, and a cancel goes there', async () => {
    expect(await granted('https://freedom24.com/*')).toBe(false);
    await options.waitFor('#tradernet-publicKey:not([disabled])');
    await options.fill('#tradernet-publicKey', FREEDOM24_TEST_CREDENTIALS.publicKey);
    await options.fill('#tradernet-privateKey', FREEDOM24_TEST_CREDENTIALS.privateKey);
    await options.select('#tradernet-domain', 'freedom24.com');
    await options.clickButton('Save keys', '#venue-tradernet');
    await expect.poll(() => options.text('#venue-tradernet [data-note]'), { timeout: 15_000 }).toContain('Saved.');
    expect(await granted('https://freedom24.com/*')).toBe(true);

    const reply = await d.send({ type: 'cancel', venue: 'tradernet', orderId: '6060600001', hints: {} });
    expect(reply.entry.status).toBe('cancelled');
    expect(sentTo('freedom24.com').some((r) => r.path === '/api/v2/cmd/delTradeOrder')).toBe(true);
  });

  it('a needed origin not granted: the cancel is not sent, and the user is told which permission to give', async () => {
    await d.setCredentials('tradernet', TRADERNET_TEST_CREDENTIALS);
    expect(await granted('https://tradernet.com/*')).toBe(false);
    const before = sentTo('tradernet.com').length;
    const reply = await d.send({ type: 'cancel', venue: 'tradernet', orderId: '6060600002', hints: {} });
    expect(reply.entry.status).toBe('not-sent');
    expect(reply.entry.message).toMatch(/permission.*tradernet\.com/i);
    expect(sentTo('tradernet.com').slice(before)).toEqual([]);
    expect(d.sim.orders('tradernet').find((o) => o.id === '6060600002')!.status).toBe('open');
    const popup = await d.extensionPage('popup.html');
    await popup.waitFor('li[data-status=not-sent]');
    expect(await popup.text('li[data-status=not-sent]')).toContain('permission to reach tradernet.com');
    expect(unknownHosts(d)).toEqual([]);
  });
});
