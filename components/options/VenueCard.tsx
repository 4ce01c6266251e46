// One venue on the options page: its keys (typed here, handed to the background once, never read
// back), a connection test through the venue, the token expiry and an on/off switch.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CredentialSummary, VaultState } from '@/lib/messages';
import type { VenueId } from '@/lib/model';
import type { Settings } from '@/lib/settings-defaults';
import { descriptorOf } from '@/lib/venues/registry';
import { send } from '../api';
import { venueInfo } from '../venue-info';
import { VenueBehaviour } from './VenueBehaviour';
import { collectCredentials, defaultValue, fieldErrors, venueForms, visibleFields } from './venue-forms';

export interface VenueCardProps {
  venue: VenueId;
  vault: VaultState;
  summary: CredentialSummary | undefined;
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  /** After keys are saved or removed, so the summary is read again. */
  onChanged: () => void;
  nowMs?: number;
  /** The settings and how to change this venue's overrides (left out: no behaviour section). */
  behaviour?: { settings: Settings; onChange: (venues: Settings['venues']) => void };
}

const dateTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function expiryText(expiresAtMs: number, nowMs: number): { text: string; expired: boolean } {
  const left = expiresAtMs - nowMs;
  if (left <= 0) return { text: `Token expired ${dateTime.format(expiresAtMs)}: add a new one.`, expired: true };
  const hours = Math.floor(left / 3600_000);
  const minutes = Math.floor((left % 3600_000) / 60_000);
  const inWords = hours >= 48 ? `${Math.floor(hours / 24)} days` : hours ? `${hours} h ${minutes} min` : `${minutes} min`;
  return { text: `Token expires ${dateTime.format(expiresAtMs)} (in ${inWords}).`, expired: false };
}

/** Credentials some venues need an optional host permission for (Tradernet keys for another domain). */
async function permissionFor(venue: VenueId, credentials: Record<string, unknown>): Promise<string | null> {
  const origin = descriptorOf[venue].optionalOrigin?.(credentials);
  if (!origin) return null;
  const domain = new URL(origin.replace('/*', '/')).hostname;
  const origins = [origin];
  try {
    // request() straight away (it resolves true when already granted): Firefox drops the user
    // gesture after any earlier await.
    return (await browser.permissions.request({ origins })) ? null : `QuickCancel needs your permission to reach ${domain} for these keys.`;
  } catch (error) {
    return `Could not ask for permission to reach ${domain}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function VenueCard({ venue, vault, summary, enabled, onToggle, onChanged, nowMs = Date.now(), behaviour }: VenueCardProps) {
  const form = venueForms[venue];
  const name = venueInfo[venue].name;
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<{ text: string; ok: boolean }>();
  const [busy, setBusy] = useState(false);
  const unlocked = vault === 'unlocked';
  const expiry = summary?.expiresAtMs !== undefined ? expiryText(summary.expiresAtMs, nowMs) : undefined;

  async function save(ev: Event) {
    ev.preventDefault();
    const credentials = collectCredentials(form, values);
    const problems = fieldErrors(form, credentials);
    setErrors(problems);
    if (Object.keys(problems).length) return setNote({ ok: false, text: 'Check the fields marked above.' });
    // Before any await: the permission prompt needs the click's user gesture.
    const denied = await permissionFor(venue, credentials);
    if (denied) return setNote({ ok: false, text: denied });
    setBusy(true);
    const reply = await send({ type: 'credentials.set', venue, credentials });
    setBusy(false);
    if (!reply.ok) return setNote({ ok: false, text: reply.error });
    setValues({});
    setNote({ ok: true, text: 'Saved. Use “Test connection” to check them with the venue.' });
    onChanged();
  }

  async function test() {
    setBusy(true);
    setNote({ ok: true, text: `Asking ${name}…` });
    const reply = await send({ type: 'credentials.test', venue });
    setBusy(false);
    if (!reply.ok) return setNote({ ok: false, text: reply.error });
    if ('outcome' in reply) return setNote({ ok: false, text: `${name} refused: ${reply.outcome.message ?? reply.outcome.kind}` });
    const n = reply.openOrders;
    setNote({ ok: true, text: `Connected: ${name} reports ${n} open order${n === 1 ? '' : 's'}${reply.scope ? ` ${reply.scope}` : ''}.` });
  }

  async function remove() {
    setBusy(true);
    const reply = await send({ type: 'credentials.remove', venue });
    setBusy(false);
    setNote(reply.ok ? { ok: true, text: 'Keys removed.' } : { ok: false, text: reply.error });
    onChanged();
  }

  const idOf = (field: string) => `${venue}-${field}`;
  return (
    <section class="card venue-card" id={`venue-${venue}`} data-venue={venue} aria-labelledby={`${venue}-title`}>
      <div class="card-head">
        {/* Focused when the page is opened on this card (options.html#venue=…). */}
        <h3 id={`${venue}-title`} tabIndex={-1}>
          {name}
        </h3>
        <label class="switch">
          <input type="checkbox" role="switch" name="enabled" aria-label={`${name} on/off`} checked={enabled} onChange={(ev) => onToggle((ev.currentTarget as HTMLInputElement).checked)} />
          <span aria-hidden="true">{enabled ? 'On' : 'Off'}</span>
        </label>
      </div>
      <p class="muted" data-summary>
        {/* The background lists saved keys only while unlocked: while locked, "no keys" would be a guess. */}
        {summary ? `Keys saved: ${summary.label}.` : vault === 'locked' ? 'Unlock to see the saved keys.' : 'No keys yet.'}{' '}
        {expiry && <span class={expiry.expired ? 'error' : ''}>{expiry.text}</span>}
      </p>
      <details open={!summary && vault !== 'locked'}>
        <summary>
          Where to get the keys<span class="sr-only"> for {name}</span>
        </summary>
        <p>{form.where}</p>
        <p>
          <strong>How long they last:</strong> {form.lifetime}
        </p>
      </details>
      {!unlocked && <p class="warn">{vault === 'locked' ? 'Unlock QuickCancel above to change keys.' : 'Choose a passphrase above first: keys are stored encrypted with it.'}</p>}
      <form onSubmit={save} aria-label={`${name} keys`}>
        <fieldset disabled={!unlocked || busy}>
          {visibleFields(form, values).map((f) => (
            <div class="field" key={f.name}>
              <label for={idOf(f.name)}>
                <span class="sr-only">{name} </span>
                {f.label}
                {!f.required && f.kind !== 'select' && <span class="muted"> (optional)</span>}
              </label>
              {f.kind === 'select' ? (
                <select id={idOf(f.name)} name={f.name} value={values[f.name] ?? defaultValue(form, f.name)} onChange={(ev) => setValues({ ...values, [f.name]: (ev.currentTarget as HTMLSelectElement).value })}>
                  {f.options!.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={idOf(f.name)}
                  name={f.name}
                  // Preact's input types are a union per type value; this input takes several.
                  type={(f.kind === 'secret' ? 'password' : f.kind === 'datetime' ? 'datetime-local' : 'text') as 'text'}
                  value={values[f.name] ?? ''}
                  autocomplete="off"
                  spellcheck={false}
                  aria-invalid={!!errors[f.name]}
                  aria-describedby={`${idOf(f.name)}-help`}
                  onInput={(ev) => setValues({ ...values, [f.name]: (ev.currentTarget as HTMLInputElement).value })}
                />
              )}
              <small id={`${idOf(f.name)}-help`} class={errors[f.name] ? 'error' : 'muted'}>
                {errors[f.name] ? `${f.label} ${errors[f.name]}` : f.help}
              </small>
            </div>
          ))}
          <div class="row">
            <button type="submit" class="primary">
              {summary ? 'Replace keys' : 'Save keys'}
            </button>
            <button type="button" disabled={!summary} onClick={() => void test()}>
              Test connection
            </button>
            <button type="button" disabled={!summary} onClick={() => void remove()}>
              Remove keys
            </button>
          </div>
        </fieldset>
      </form>
      {behaviour && <VenueBehaviour venue={venue} name={name} settings={behaviour.settings} onChange={behaviour.onChange} />}
      <p role="status" aria-live="polite" data-note class={note && !note.ok ? 'error' : 'muted'}>
        {note?.text}
      </p>
    </section>
  );
}
