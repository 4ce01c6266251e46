import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send } from '../../../components/api';

afterEach(() => vi.restoreAllMocks());

describe('send()', () => {
  it('passes the message to runtime.sendMessage and returns the reply', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, state: 'locked', configured: [] });
    expect(await send({ type: 'vault.status' })).toEqual({ ok: true, state: 'locked', configured: [] });
    expect(spy).toHaveBeenCalledWith({ type: 'vault.status' });
  });

  it('turns a rejected promise into { ok: false, error }', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await send({ type: 'vault.status' })).toEqual({
      ok: false,
      error: 'QuickCancel’s background could not be reached (Could not establish connection. Receiving end does not exist.)',
    });
  });

  it('turns an empty or shapeless answer into { ok: false, error }', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce(undefined).mockResolvedValueOnce('yes');
    expect(await send({ type: 'vault.lock' })).toMatchObject({ ok: false, error: expect.stringContaining('did not answer') });
    expect(await send({ type: 'vault.lock' })).toMatchObject({ ok: false });
  });
});
