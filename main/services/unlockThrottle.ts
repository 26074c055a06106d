// Slows down guessing: the first five wrong tries are free, then each further try must wait
// twice as long as the last (2 s, 4 s, 8 s … capped at 5 minutes). Held in memory only.
import type { Clock } from './clock';

export const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 2000;
const MAX_DELAY_MS = 5 * 60 * 1000;

export class UnlockThrottle {
  private failures = 0;
  private notBefore = 0;

  constructor(private readonly clock: Clock) {}

  retryAfterMs(): number {
    return Math.max(0, this.notBefore - this.clock.now());
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.failures >= FREE_ATTEMPTS) {
      const delay = Math.min(BASE_DELAY_MS * 2 ** (this.failures - FREE_ATTEMPTS), MAX_DELAY_MS);
      this.notBefore = this.clock.now() + delay;
    }
  }

  recordSuccess(): void {
    this.failures = 0;
    this.notBefore = 0;
  }
}
