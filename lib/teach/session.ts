// One teaching session on a venue page (DESIGN.md, "Teaching a page"): the user clicks one order
// row, the rule it teaches is shown with a live count and highlight, and Save ends the session with
// the rule as its result (the background, which injected this script, checks and stores it). Only
// the user's own clicks and keys count, and the page never receives them while teaching.
import type { VenueId } from '@/lib/model';
import type { PageRule } from '../page/types';
import { TeachPanel } from './panel';
import { rowsMatched, teachFrom } from './selector';

export type TeachResult = { saved: PageRule } | { stopped: true; reason: string };

/** The pointer and key events the page must not get while the user is picking a row. */
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'auxclick', 'dblclick', 'contextmenu'] as const;

export function teach(venue: VenueId): Promise<TeachResult> {
  return new Promise((resolve) => {
    let rule: PageRule | undefined;
    let picked: Element | undefined;
    let frame = 0;
    const panel = new TeachPanel({ save: () => save(), stop: () => finish({ stopped: true, reason: 'Stopped without saving' }) });

    const refresh = () => {
      frame = 0;
      const rows = rule ? rowsMatched(rule, document) : [];
      if (rule) panel.showRule(rows.length, rule.row);
      panel.highlight(rows, picked);
    };
    const later = () => {
      frame ||= requestAnimationFrame(refresh);
    };
    const observer = new MutationObserver((records) => {
      if (records.some((r) => !panel.host.contains(r.target))) later();
    });

    const pick = (target: Element) => {
      const taught = teachFrom(target, venue);
      if (!taught.ok) {
        panel.say(taught.error, 'error');
        return;
      }
      rule = taught.rule;
      picked = taught.row;
      panel.say(
        rule.fields
          ? 'These rows show no order id: each outlined row will be matched to one of your open orders by its symbol, side, price and quantity (with your keys set and QuickCancel unlocked). Save keeps the rule; a click on another row picks again.'
          : 'Every row this rule reads is outlined. Save keeps the rule; a click on another row picks again.',
      );
      refresh();
    };

    const onPointer = (event: Event) => {
      if (panel.contains(event)) return;
      // A page's own synthetic events are no choice of the user's: they pick nothing.
      if (!event.isTrusted) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.type === 'click' && event.target instanceof Element) pick(event.target);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted || (event.key !== 'Escape' && event.key !== 'Enter')) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.key === 'Escape') finish({ stopped: true, reason: 'Stopped without saving' });
      else save();
    };
    const onLeave = () => finish({ stopped: true, reason: 'The page was left before the rule was saved' });

    function save() {
      if (rule && rowsMatched(rule, document).length > 0) finish({ saved: rule });
    }

    let done = false;
    function finish(result: TeachResult) {
      if (done) return;
      done = true;
      for (const type of SWALLOWED) removeEventListener(type, onPointer, true);
      removeEventListener('keydown', onKey, true);
      removeEventListener('scroll', later, true);
      removeEventListener('resize', later);
      removeEventListener('pagehide', onLeave);
      observer.disconnect();
      cancelAnimationFrame(frame);
      panel.host.remove();
      resolve(result);
    }

    for (const type of SWALLOWED) addEventListener(type, onPointer, true);
    addEventListener('keydown', onKey, true);
    addEventListener('scroll', later, true);
    addEventListener('resize', later);
    addEventListener('pagehide', onLeave);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    document.documentElement.append(panel.host);
  });
}
