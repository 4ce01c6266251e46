// What the rest of the extension may know about a venue without loading its adapter: the facts the
// page code, the popup, the options page and the manifest read. Kept free of zod and crypto, and
// split by who reads it, so that each bundle carries only its part:
//   <venue>/page.ts        page facts: matches, id pattern and column, recipe (the content script)
//   <venue>/descriptor.ts  name, pages, origins, ids, quirks (popup, options, manifest, background)
//   <venue>/form.ts        the credential form with its help text (options page)
//   <venue>/adapter.ts     requests, responses, signing, credential checks (background)
import type { Recipe } from '../page/types';

/** Which kind of id column a venue cancels by, read from a table's header text. */
export type IdKind = 'oms' | 'order' | 'client' | 'exchange' | 'bare';

export interface VenuePage<Id extends string = string> {
  venue: Id;
  /** Content-script match patterns: where the venue's web trading UI is. */
  matches: string[];
  /**
   * An id the venue cancels by, as a page shows it. Stricter than the descriptor's `ids.pattern`
   * where a page cell may hold words too ("No", "Order").
   */
  idPattern: RegExp;
  /** The id columns a generic table reading may cancel by, best first. */
  idPreference: IdKind[];
  /** Selectors for the venue's own web UI, tested on its fixture pages. */
  recipe: Recipe;
}

export interface VenueIds {
  /** What a well-formed id looks like (the adapter's own check, and the popup's before sending). */
  pattern: RegExp;
  /** Says in words what `pattern` expects ("a whole number"). */
  hint: string;
  /** What the venue's web UI calls the id. */
  label: string;
  /** One real-looking id; a test keeps it matching `pattern` and the page pattern. */
  example: string;
}

/** What the options page may show about stored credentials: never a secret, never a whole token. */
export interface CredentialLabel {
  label: string;
  expiresAtMs?: number;
}

export interface VenueDescriptor<Id extends string = string> {
  id: Id;
  name: string;
  /** Content-script match patterns: the same array as its page facts' `matches`. */
  pageMatches: string[];
  /** host_permissions: the API origins every user of the venue needs. */
  apiOrigins: string[];
  /** optional_host_permissions: origins asked for only when the user's credentials need them. */
  optionalApiOrigins?: string[];
  ids: VenueIds;
  /**
   * The optional origin these credentials need (Tradernet keys for another domain), asked for
   * when they are saved; undefined when none.
   */
  optionalOrigin?(credentials: Record<string, unknown>): string | undefined;
}

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'secret' | 'select' | 'datetime';
  required: boolean;
  help?: string;
  options?: Array<{ value: string; label: string }>;
  /** Shown only when another field has this value (ZebPay's auth kind). */
  showWhen?: { field: string; value: string };
}

/** The credential form: the fields of the adapter's credentials schema, with the help a user needs. */
export interface CredentialForm<S = unknown> {
  /** The adapter's credentials schema, for the form's field errors. */
  schema: S;
  fields: FieldSpec[];
  /** Where users get the keys, and what the key must be allowed to do. */
  where: string;
  lifetime: string;
}
