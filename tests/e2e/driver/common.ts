// The operations both drivers build from the few each implements.
import type { VenueId } from '../../../lib/venues/types';
import type { DriverPage, RawPage } from './types';

/** The passphrase a driver sets when a test stores credentials in a fresh profile. */
export const TEST_PASSPHRASE = 'correct horse battery staple';

export function withQueries(raw: RawPage): DriverPage {
  return {
    ...raw,
    count: (selector) => raw.evaluate((s) => document.querySelectorAll(s).length, selector),
    attr: (selector, name) => raw.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [selector, name] as const),
    text: (selector) => raw.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    async clickButton(name, within) {
      const marked = await raw.evaluate(([n, w]) => {
        document.querySelectorAll('[data-qc-test-target]').forEach((e) => e.removeAttribute('data-qc-test-target'));
        const scope = w ? document.querySelector(w) : document;
        const button = [...(scope?.querySelectorAll('button') ?? [])].find((b) => (b.textContent ?? '').trim().startsWith(n));
        button?.setAttribute('data-qc-test-target', '');
        return Boolean(button);
      }, [name, within ?? ''] as const);
      if (!marked) throw new Error(`no button "${name}"${within ? ` in ${within}` : ''}`);
      await raw.click('[data-qc-test-target]');
    },
    controlState: async (selector) => (await raw.control(selector))?.state ?? null,
    async hover(selector) {
      const at = await raw.evaluate((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2] as const;
      }, selector);
      await raw.mouseMove(at[0], at[1]);
    },
  };
}

/** Unlocks (or sets up) the vault with TEST_PASSPHRASE, then stores a venue's credentials. */
export async function setCredentialsVia(send: (m: unknown) => Promise<any>, venue: VenueId, credentials: unknown): Promise<void> {
  const status = await send({ type: 'vault.status' });
  if (status?.state === 'uninitialized') await send({ type: 'vault.setup', passphrase: TEST_PASSPHRASE });
  else if (status?.state === 'locked') await send({ type: 'vault.unlock', passphrase: TEST_PASSPHRASE });
  const reply = await send({ type: 'credentials.set', venue, credentials });
  if (!reply?.ok) throw new Error(`credentials.set failed: ${JSON.stringify(reply)}`);
}

/** The extension's API object in an extension page, in either browser. */
export const EXT_API = `(globalThis.browser ?? globalThis.chrome)`;
