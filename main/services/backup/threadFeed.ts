// Owns feeding bytes to a helper thread (the hashing thread, hasher.ts) without
// letting them pile up: each message of bytes is copied across, the thread acknowledges what it
// has processed, and the sender waits once more than `limit` bytes are unacknowledged. A failed
// or stopped thread fails every later call instead of leaving the sender waiting.
import type { Worker } from 'node:worker_threads';

/** The thread's acknowledgement: `n` bytes done. Other replies pass through to `onReply`. */
export type Ack = { t: 'a'; n: number };

export class ThreadFeed<Reply extends { t: string }> {
  #backlog = 0;
  #drained: (() => void) | null = null;
  #failure: Error | null = null;
  readonly #failListeners: ((err: Error) => void)[] = [];

  constructor(
    readonly worker: Worker,
    private readonly limit: number,
    onReply: (reply: Reply) => void,
    stoppedMessage: string,
  ) {
    worker.on('message', (reply: Reply | Ack) => {
      if (reply.t === 'a') this.#acknowledged((reply as Ack).n);
      else onReply(reply as Reply);
    });
    worker.on('error', (err) => this.#fail(err));
    worker.on('exit', () => this.#fail(new Error(stoppedMessage)));
  }

  get failure(): Error | null {
    return this.#failure;
  }

  /** Called with the first failure (at once if it has already happened). */
  onFailure(listener: (err: Error) => void): void {
    if (this.#failure) listener(this.#failure);
    else this.#failListeners.push(listener);
  }

  /** Posts `message`, which carries `bytes` of data; waits while too much is unacknowledged. */
  send(message: unknown, bytes: number): Promise<void> | void {
    if (this.#failure) throw this.#failure;
    this.#backlog += bytes;
    this.worker.postMessage(message); // structured clone: a copy, so the caller's buffer is free again
    if (this.#backlog < this.limit) return;
    return new Promise<void>((resolve) => {
      this.#drained = resolve;
    }).then(() => {
      if (this.#failure) throw this.#failure;
    });
  }

  /** Posts a message without data (no waiting). */
  post(message: unknown): void {
    if (this.#failure) throw this.#failure;
    this.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  #acknowledged(n: number): void {
    this.#backlog -= n;
    if (this.#backlog < this.limit && this.#drained) {
      const wake = this.#drained;
      this.#drained = null;
      wake();
    }
  }

  #fail(err: Error): void {
    if (this.#failure) return;
    this.#failure = err;
    this.#drained?.();
    for (const listener of this.#failListeners.splice(0)) listener(err);
  }
}
