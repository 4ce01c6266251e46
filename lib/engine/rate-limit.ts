// A token bucket per venue, shared by every caller (page clicks, popup, cancel-all).
import type { RateLimit } from '../venues/types';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A user's cancel goes before the engine's own checks (verification after a restart, prefetch). */
export type Priority = 'now' | 'background';

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly waiting: Record<Priority, Array<() => void>> = { now: [], background: [] };
  private pumping = false;

  constructor(private readonly limit: RateLimit, private readonly clock: Clock = systemClock) {
    this.tokens = limit.burst;
    this.updatedAt = clock.now();
  }

  /** Resolves when a request may go: 'now' callers first, each priority in arrival order. */
  take(priority: Priority = 'now'): Promise<void> {
    return new Promise((resolve) => {
      this.waiting[priority].push(resolve);
      void this.pump();
    });
  }

  /** After a venue said "slow down": no request before ms from now. */
  pause(ms: number): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0) - (ms / 1000) * this.limit.perSecond;
  }

  private refill() {
    const now = this.clock.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.limit.perSecond);
    this.updatedAt = now;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    // Background work leaves half the burst untouched, so a click never queues behind it.
    const reserve = Math.floor(this.limit.burst / 2);
    while (this.waiting.now.length || this.waiting.background.length) {
      this.refill();
      const needed = this.waiting.now.length ? 1 : 1 + reserve;
      if (this.tokens >= needed) {
        this.tokens -= 1;
        (this.waiting.now.shift() ?? this.waiting.background.shift())!();
        continue;
      }
      await this.clock.sleep(Math.ceil(((needed - this.tokens) / this.limit.perSecond) * 1000));
    }
    this.pumping = false;
  }
}
