// One venue's own behaviour: each setting either follows the global one (the default) or is on
// or off for this venue alone — e.g. a confirmation on the venue with real money, none on the
// demo account.
import type { VenueId } from '@/lib/model';
import { VENUE_BEHAVIOURS, type Settings, type VenueBehaviour as Behaviour, type VenueOverrides } from '@/lib/settings-defaults';

const LABEL: Record<Behaviour, string> = {
  confirmSingle: 'Ask before cancelling one order',
  sound: 'Play a sound on each outcome',
  notifications: 'Notify me of each outcome',
  hoverHotkey: 'Cancel the order under the mouse with a shortcut',
};

type Choice = 'global' | 'on' | 'off';
const choiceOf = (v: boolean | undefined): Choice => (v === undefined ? 'global' : v ? 'on' : 'off');

/** The venue's overrides after one choice: "global" removes the key, so the global value applies again. */
export function withChoice(overrides: VenueOverrides | undefined, key: Behaviour, choice: Choice): VenueOverrides {
  const { [key]: _, ...rest } = overrides ?? {};
  return choice === 'global' ? rest : { ...rest, [key]: choice === 'on' };
}

export function VenueBehaviour({ venue, name, settings, onChange }: { venue: VenueId; name: string; settings: Settings; onChange: (venues: Settings['venues']) => void }) {
  const overrides = settings.venues[venue];
  const set = (key: Behaviour, choice: Choice) => {
    const next = { ...settings.venues, [venue]: withChoice(overrides, key, choice) };
    if (!Object.keys(next[venue]!).length) delete next[venue];
    onChange(next);
  };
  return (
    <details class="venue-behaviour">
      <summary>
        Behaviour on {name}
        {overrides && Object.keys(overrides).length ? ' (own settings)' : ' (as set globally)'}
      </summary>
      <fieldset>
        <legend class="sr-only">Behaviour on {name}</legend>
        {VENUE_BEHAVIOURS.map((key) => {
          const id = `${venue}-behaviour-${key}`;
          return (
            <div class="field row" key={key}>
              <label for={id}>
                <span class="sr-only">{name}: </span>
                {LABEL[key]}
              </label>
              <select id={id} data-behaviour={key} value={choiceOf(overrides?.[key])} onChange={(e) => set(key, (e.currentTarget as HTMLSelectElement).value as Choice)}>
                <option value="global">Use global ({settings[key] ? 'on' : 'off'})</option>
                <option value="on">On</option>
                <option value="off">Off</option>
              </select>
            </div>
          );
        })}
      </fieldset>
    </details>
  );
}
