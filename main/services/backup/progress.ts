// Owns progress reports for a running backup job: which phase it is in and how many bytes of that
// phase are done, sent at most ten times a second so a progress bar never floods the window.

export type BackupPhase = 'preparing' | 'unlocking' | 'writing' | 'reading' | 'checking' | 'finishing';

export interface BackupProgress {
  phase: BackupPhase;
  done: number;
  total: number;
}

export type ProgressListener = (progress: BackupProgress) => void;

const MIN_INTERVAL_MS = 100;

export class ProgressMeter {
  #phase: BackupPhase;
  #done = 0;
  #total = 0;
  #lastSent = 0;
  #listener: ProgressListener | undefined;

  constructor(phase: BackupPhase, listener?: ProgressListener) {
    this.#phase = phase;
    this.#listener = listener;
    this.#send(true);
  }

  start(phase: BackupPhase, total: number): void {
    this.#phase = phase;
    this.#done = 0;
    this.#total = total;
    this.#send(true);
  }

  /** Marks the phase done, whatever was counted (the total may only have been an estimate). */
  complete(): void {
    this.#done = this.#total;
    this.#send(true);
  }

  advance(bytes: number): void {
    this.#done = Math.min(this.#total, this.#done + bytes);
    this.#send(this.#done === this.#total);
  }

  #send(force: boolean): void {
    if (!this.#listener) return;
    const now = performance.now();
    if (!force && now - this.#lastSent < MIN_INTERVAL_MS) return;
    this.#lastSent = now;
    this.#listener({ phase: this.#phase, done: this.#done, total: this.#total });
  }
}
