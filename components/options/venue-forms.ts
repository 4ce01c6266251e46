// The credential form of each venue (its folder's form.ts: the fields of its adapter's
// credentialsSchema, with the help a user needs). A unit test keeps the field names equal to the
// schemas' keys.
import type { ZodType } from 'zod';
import type { CredentialForm, FieldSpec } from '@/lib/venues/descriptor';
import { credentialForms } from '@/lib/venues/forms';
import type { VenueId } from '@/lib/venues/types';

export type { FieldSpec };

export interface VenueForm extends CredentialForm<ZodType> {
  venue: VenueId;
}

export const venueForms = Object.fromEntries(
  (Object.entries(credentialForms) as Array<[VenueId, CredentialForm<ZodType>]>).map(([venue, form]) => [venue, { venue, ...form }]),
) as Record<VenueId, VenueForm>;

/** Fields shown for the current values (ZebPay shows key+secret or JWT). */
export function visibleFields(form: VenueForm, values: Record<string, string>): FieldSpec[] {
  return form.fields.filter((f) => !f.showWhen || (values[f.showWhen.field] ?? defaultValue(form, f.showWhen.field)) === f.showWhen.value);
}

export function defaultValue(form: VenueForm, name: string): string {
  const field = form.fields.find((f) => f.name === name);
  return field?.kind === 'select' && field.options ? field.options[0]!.value : '';
}

/**
 * What credentials.set gets: the visible fields the user filled in, trimmed (a pasted key often
 * carries a stray space or newline), a datetime as epoch ms. Empty optional fields are left out.
 */
export function collectCredentials(form: VenueForm, values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of visibleFields(form, values)) {
    const raw = (values[f.name] ?? defaultValue(form, f.name)).trim();
    if (!raw) continue;
    if (f.kind === 'datetime') {
      const ms = new Date(raw).getTime();
      out[f.name] = Number.isFinite(ms) ? ms : raw;
    } else out[f.name] = raw;
  }
  return out;
}

/** The schema's complaints, by field name, in the schema's words. */
export function fieldErrors(form: VenueForm, credentials: Record<string, unknown>): Record<string, string> {
  const parsed = form.schema.safeParse(credentials);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    const message = issue.code === 'invalid_type' && credentials[name] === undefined ? 'is required' : issue.message;
    errors[name] ??= message;
  }
  return errors;
}
