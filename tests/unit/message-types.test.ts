// Every message is paired with its reply type on both ends. These checks are made by the
// typecheck (`tsc --noEmit`, the first step of `npm test`): each @ts-expect-error line fails the
// typecheck if the mismatch under it ever stops being a type error.
import { describe, expectTypeOf, it } from 'vitest';
import type { send } from '../../components/api';
import type { Handler } from '../../lib/background/handlers';
import type { CancelReply, OkReply, ReplyOf, RowCancelReply, StatusReply, VaultStatusReply } from '../../lib/messages';
import type { Messenger } from '../../lib/page/runtime/inject';

describe('message and reply types', () => {
  it('a sender gets the reply of the message it sent, without naming it', () => {
    type Sent<M> = ReturnType<typeof send<M & Parameters<typeof send>[0]>>;
    expectTypeOf<Sent<{ type: 'vault.status' }>>().toEqualTypeOf<Promise<VaultStatusReply>>();
    expectTypeOf<Sent<{ type: 'cancel'; venue: 'pocketful'; orderId: string; hints: Record<string, string> }>>().toEqualTypeOf<Promise<RowCancelReply>>();
    expectTypeOf<ReplyOf<'retry'>>().toEqualTypeOf<CancelReply>();
    // A cancel from a row's menu answers with a scoped cancel's entries or the timer it set.
    expectTypeOf<{ ok: true; entries: []; appeared: 1; skipped: 0; summary: 'Nothing was sent.' }>().toExtend<ReplyOf<'cancel'>>();
    expectTypeOf<{ ok: true; timer: { id: 't'; venue: 'tradernet'; orderId: '1'; fireAtMs: 1; setAtMs: 0 } }>().toExtend<ReplyOf<'cancel'>>();
    // @ts-expect-error a retry never answers with a timer
    expectTypeOf<{ ok: true; timer: { id: 't'; venue: 'tradernet'; orderId: '1'; fireAtMs: 1; setAtMs: 0 } }>().toExtend<ReplyOf<'retry'>>();
    // @ts-expect-error a status request does not answer with a cancel's entry
    expectTypeOf<ReplyOf<'status'>>().toEqualTypeOf<CancelReply>();
  });

  it('a content script gets typed replies over its port, for its two message types only', () => {
    expectTypeOf<ReturnType<Messenger['send']>>().toEqualTypeOf<Promise<ReplyOf<'cancel' | 'status'>>>();
    // Only typechecked, never called.
    const uses = (messenger: Messenger) => {
      const reply: Promise<StatusReply> = messenger.send({ type: 'status', venue: 'pocketful', orderIds: ['1'] });
      // @ts-expect-error content scripts may not ask for credentials tests
      return [reply, messenger.send({ type: 'credentials.test', venue: 'pocketful' })];
    };
    expectTypeOf(uses).parameter(0).toEqualTypeOf<Messenger>();
  });

  it('a handler that answers with another message\'s reply is a type error', () => {
    const status: Handler<'status'> = async () => ({ ok: true, entries: {} });
    const failing: Handler<'status'> = async () => ({ ok: false, error: 'no' });
    // @ts-expect-error the status handler must answer with entries, not a cancel's entry
    const wrong: Handler<'status'> = async () => ({ ok: true, entry: {} as CancelReply });
    // @ts-expect-error vault.status must say the vault's state
    const bare: Handler<'vault.status'> = async (): Promise<OkReply> => ({ ok: true });
    expectTypeOf(status).returns.resolves.toEqualTypeOf<StatusReply>();
    void [failing, wrong, bare];
  });
});
