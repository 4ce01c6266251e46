// @vitest-environment node
// The bench's click breakdown: each step ends at its own mark's first time after the step before,
// so the press's message (some 80 ms before the click) is not taken for the click's.
import { describe, expect, it } from 'vitest';
import { stepTimes } from '../../bench/breakdown';

describe('a click broken into steps', () => {
  it('chains the marks from the click event to the arrival, skipping the press that came first', () => {
    const press = 1000;
    const event = 1080;
    const marks = {
      'qc:click': [event + 1],
      'qc:accepted': [event + 1.5],
      // The press posted and was received before the click; the refresh fetched before it too.
      'qc:posted': [press + 0.5, event + 1.6],
      'qc:received': [press + 1.5, event + 2.6],
      'qc:checked': [press + 1.7, event + 2.8],
      'qc:fetch': [press - 50, event + 3],
    };
    const steps = stepTimes(event, marks, event + 6);
    expect(steps.map((s) => Math.round(s * 10) / 10)).toEqual([1, 0.5, 0.1, 1, 0.2, 0.2, 3]);
  });

  it("tolerates the worker's clock reading a fraction of a millisecond behind the page's", () => {
    const steps = stepTimes(0, { 'qc:click': [1], 'qc:accepted': [2], 'qc:posted': [3], 'qc:received': [2.8], 'qc:checked': [3.1], 'qc:fetch': [3.5] }, 6);
    expect(steps.map((s) => Math.round(s * 10) / 10)).toEqual([1, 1, 1, -0.2, 0.3, 0.4, 2.5]);
  });

  it('a step whose mark never came, and every step after it, reads as missing', () => {
    expect(stepTimes(0, { 'qc:click': [1], 'qc:posted': [3] }, 6)).toEqual([1, NaN, NaN, NaN, NaN, NaN, NaN]);
  });
});
