// Page rules in and out as JSON (Settings → Page rules): export to a file or the clipboard, import
// from a file or pasted text. An import is checked rule by rule and only adds what is new.
import { useState } from 'preact/hooks';
import { exportRules, importRules } from '@/lib/page-rules/json';
import type { PageRule } from '@/lib/page/types';

interface Props {
  rules: PageRule[];
  /** Stores the merged list; false when it could not be saved (the caller shows why). */
  store(next: PageRule[]): Promise<boolean>;
}

function download(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'quickcancel-page-rules.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function RulesJson({ rules, store }: Props) {
  const [text, setText] = useState('');
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();

  async function importText(input: string) {
    const result = importRules(input, rules);
    if (!result.ok) return setSaid({ ok: false, text: result.error });
    if (!(await store(result.rules))) return setSaid({ ok: false, text: 'Could not save the imported rules; nothing changed.' });
    const dup = result.duplicates ? `; ${result.duplicates} already here (skipped)` : '';
    setSaid({ ok: true, text: `Imported ${result.added} new rule${result.added === 1 ? '' : 's'}${dup}.` });
    setText('');
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(exportRules(rules));
      setSaid({ ok: true, text: `Copied ${rules.length} rule${rules.length === 1 ? '' : 's'} as JSON.` });
    } catch {
      setText(exportRules(rules));
      setSaid({ ok: false, text: 'The clipboard is not available here: the JSON is in the box below to copy by hand.' });
    }
  }

  return (
    <div class="rules-json">
      <h3>Share rules as JSON</h3>
      <div class="row">
        <button type="button" disabled={!rules.length} onClick={() => download(exportRules(rules))}>
          Export rules (file)
        </button>
        <button type="button" disabled={!rules.length} onClick={() => void copy()}>
          Copy rules as JSON
        </button>
        <label class="button-like">
          Import a file…
          <input type="file" accept="application/json,.json" hidden onChange={async (e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) await importText(await file.text());
            }} />
        </label>
      </div>
      <div class="field">
        <label for="rules-json-text">or paste rules JSON</label>
        <textarea id="rules-json-text" rows={4} spellcheck={false} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <button type="button" onClick={() => void importText(text)}>
        Import pasted rules
      </button>
      <p class={said?.ok === false ? 'error' : 'muted'} role="status" data-rules-import={said ? (said.ok ? 'ok' : 'error') : undefined}>
        {said?.text}
      </p>
    </div>
  );
}
