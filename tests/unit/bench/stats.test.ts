// The bench's statistics: an interval around each median, and a verdict that admits doubt.
import { describe, expect, it } from 'vitest';
import { median, medianDifferenceInterval, medianInterval, pairedDifferences, verdictAtMost } from '../../bench/stats';

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('the bootstrap interval of the median', () => {
  it('contains the median and is the same for the same samples', () => {
    const values = [5.1, 5.3, 4.9, 5.0, 5.2, 9.8, 5.1, 5.0, 4.8, 5.4];
    const a = medianInterval(values);
    expect(a.low).toBeLessThanOrEqual(median(values));
    expect(a.high).toBeGreaterThanOrEqual(median(values));
    expect(medianInterval(values)).toEqual(a);
  });

  it('is wide for scattered samples and narrow for steady ones', () => {
    const steady = Array.from({ length: 40 }, (_, i) => 5 + (i % 3) * 0.01);
    const scattered = Array.from({ length: 40 }, (_, i) => (i * 37) % 23);
    const width = (v: number[]) => { const r = medianInterval(v); return r.high - r.low; };
    expect(width(steady)).toBeLessThan(0.05);
    expect(width(scattered)).toBeGreaterThan(2);
  });

  it('has no interval for fewer than two samples', () => {
    expect(medianInterval([1]).low).toBeNaN();
  });
});

describe('paired differences', () => {
  it('subtract each baseline run from the subject run taken beside it', () => {
    expect(pairedDifferences([6, 7, 9], [5, 5, 8])).toEqual([1, 2, 1]);
    expect(pairedDifferences([6, 7, 9], [5, 5])).toEqual([1, 2]);
  });
});

describe('a verdict against "at most"', () => {
  it('is ok only when the whole interval is within the limit, OVER only when all of it is beyond', () => {
    expect(verdictAtMost({ low: 0.5, high: 1.8 }, 2)).toBe('ok');
    expect(verdictAtMost({ low: 2.1, high: 3 }, 2)).toBe('OVER');
    expect(verdictAtMost({ low: 1.5, high: 2.5 }, 2)).toBe('not trustworthy');
  });

  it('trusts nothing measured while the host gave much of its CPU away', () => {
    expect(verdictAtMost({ low: 0.5, high: 1 }, 2, 25)).toBe('not trustworthy');
    expect(verdictAtMost({ low: 0.5, high: 1 }, 2, 3)).toBe('ok');
    expect(verdictAtMost({ low: NaN, high: NaN }, 2)).toBe('not trustworthy');
  });
});

describe('the bootstrap interval of a difference of two medians (two builds, each in its own run)', () => {
  const base = Array.from({ length: 60 }, (_, i) => 2 + ((i * 7) % 10) / 10);
  it('holds the true shift, and 0 for two samples alike', () => {
    const shifted = base.map((v) => v + 1);
    const moved = medianDifferenceInterval(shifted, base);
    expect(moved.low).toBeLessThanOrEqual(1);
    expect(moved.high).toBeGreaterThanOrEqual(1);
    expect(moved.low).toBeGreaterThan(0.5);
    const same = medianDifferenceInterval([...base].reverse(), base);
    expect(same.low).toBeLessThanOrEqual(0);
    expect(same.high).toBeGreaterThanOrEqual(0);
  });

  it('has no interval when either side has fewer than two samples', () => {
    expect(medianDifferenceInterval([1], base).low).toBeNaN();
    expect(medianDifferenceInterval(base, []).high).toBeNaN();
  });
});
