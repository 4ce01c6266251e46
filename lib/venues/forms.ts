/// <reference types="vite/client" />
// Every venue's credential form, for the options page only: read from each folder's form.ts by
// name, not through the registry, so that the popup and the content scripts carry none of the help
// text. A unit test keeps this list equal to the registry's.
import type { ZodType } from 'zod';
import type { CredentialForm } from './descriptor';
import type { VenueId } from './registry';

const modules = import.meta.glob<Record<string, CredentialForm<ZodType>>>('./*/form.ts', { eager: true, import: 'forms' });

export const credentialForms = Object.assign({}, ...Object.values(modules)) as Record<VenueId, CredentialForm<ZodType>>;
