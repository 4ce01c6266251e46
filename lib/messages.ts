// Every runtime message, as a zod schema. The background parses each one before acting on it and
// checks who sent it: content scripts may only ask to cancel or for status, for their own venue.
import { z } from 'zod';
import type { JournalEntry } from './engine/journal';
import { VENUE_IDS, type CancelOutcome, type OrderView } from './venues/types';

const venueId = z.enum(VENUE_IDS);
const orderId = z.string().trim().min(1).max(128);
const hints = z.record(z.string().max(40), z.string().max(200)).refine((h) => Object.keys(h).length <= 20, 'too many hints');

export const contentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cancel'), venue: venueId, orderId, hints: hints.default({}) }),
  z.object({ type: z.literal('status'), venue: venueId, orderIds: z.array(orderId).max(5000) }),
]);

export const pageMessageSchema = z.discriminatedUnion('type', [
  ...contentMessageSchema.options,
  z.object({ type: z.literal('preview'), venue: venueId, orderId }),
  z.object({ type: z.literal('cancel-all'), venue: venueId }),
  z.object({ type: z.literal('open-orders'), venue: venueId }),
  z.object({ type: z.literal('retry'), entryId: z.string().uuid() }),
  z.object({ type: z.literal('credentials.set'), venue: venueId, credentials: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('credentials.status') }),
]);

export type ContentMessage = z.infer<typeof contentMessageSchema>;
export type PageMessage = z.infer<typeof pageMessageSchema>;

export type Reply<T = object> = ({ ok: true } & T) | { ok: false; error: string };
/** What the router answers, whatever the message. */
export type AnyReply = { ok: true; [key: string]: unknown } | { ok: false; error: string };
export type CancelReply = Reply<{ entry: JournalEntry }>;
export type StatusReply = Reply<{ entries: Record<string, JournalEntry> }>;
export type PreviewReply = Reply<{ order: OrderView | null; outcome?: CancelOutcome }>;
export type OpenOrdersReply = Reply<{ orders: OrderView[] } | { outcome: CancelOutcome }>;
export type CancelAllReply = Reply<{ entries: JournalEntry[] } | { outcome: CancelOutcome }>;
export type CredentialsStatusReply = Reply<{ configured: string[] }>;
