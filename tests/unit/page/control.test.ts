// A control decides at the press: the click's checks run when a pointer presses the button (what
// the person saw as they decided), and the click that ends that press only says "now". Layout is
// not checked here (happy-dom has none; the real-browser tests in tests/e2e/both/hostile.test.ts
// do); the row check stands in for all of the checks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelControl, testHooks } from '../../../lib/page/runtime/control';

let misplaced: string | undefined;
let presses: number;
let cancels: number;

function made(): CancelControl {
  const control = new CancelControl('9101', 'pocketful:9101', 'RELIANCE', {
    onCancel: () => void cancels++,
    onPress: () => void presses++,
    misplaced: () => misplaced,
  });
  document.body.append(control.host);
  return control;
}

// The button sits in the control's closed root, out of the page's reach: the test takes it from
// the control itself.
const buttonOf = (control: CancelControl) => (control as unknown as { button: HTMLButtonElement }).button;

function press(control: CancelControl) {
  buttonOf(control).dispatchEvent(new PointerEvent('pointerdown', { button: 0, bubbles: true, composed: true }));
}

function click(control: CancelControl, { detail = 1, atMs }: { detail?: number; atMs?: number } = {}) {
  const event = new MouseEvent('click', { detail, bubbles: true, composed: true, cancelable: true });
  if (atMs !== undefined) Object.defineProperty(event, 'timeStamp', { value: atMs });
  buttonOf(control).dispatchEvent(event);
}

beforeEach(() => {
  testHooks.acceptUntrusted = true;
  testHooks.ignoreLayout = true;
  misplaced = undefined;
  presses = cancels = 0;
});

afterEach(() => {
  testHooks.acceptUntrusted = false;
  testHooks.ignoreLayout = false;
  document.body.replaceChildren();
});

describe('a control decides at the press', () => {
  it('a press that passes readies the request, and its click cancels', () => {
    const control = made();
    press(control);
    expect(presses).toBe(1);
    click(control);
    expect(cancels).toBe(1);
  });

  it('a refused press shows why at once, readies nothing, and its click sends nothing, even if all is well by the release', () => {
    const control = made();
    misplaced = 'Not sent: the control is no longer in its order’s row';
    press(control);
    expect(control.state).toBe('failed');
    expect(control.message).toBe(misplaced);
    expect(presses).toBe(0);
    misplaced = undefined;
    click(control);
    expect(cancels).toBe(0);
    expect(control.state).toBe('failed');
  });

  it('each press is judged anew: after a refused one, a press that passes cancels', () => {
    const control = made();
    misplaced = 'Not sent: the control is no longer in its order’s row';
    press(control);
    click(control);
    misplaced = undefined;
    press(control);
    click(control);
    expect(cancels).toBe(1);
  });

  it('a click long after its press is judged anew, as is a key’s click, which has no press', () => {
    misplaced = 'Not sent: the control is no longer in its order’s row';
    const control = made();
    press(control);
    const keyed = made();
    press(keyed);
    misplaced = undefined;
    click(control, { atMs: performance.now() + 60_000 });
    click(keyed, { detail: 0 });
    expect(cancels).toBe(2);
  });

  it('a press with another button, or on a control whose cancel is on its way, readies nothing', () => {
    const control = made();
    buttonOf(control).dispatchEvent(new PointerEvent('pointerdown', { button: 2, bubbles: true, composed: true }));
    expect(presses).toBe(0);
    control.set('sending');
    press(control);
    expect(presses).toBe(0);
  });
});
