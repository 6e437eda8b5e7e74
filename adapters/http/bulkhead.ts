/**
 * A bulkhead: at most `maxConcurrent` calls to one legacy system at a time, so a slow system ties
 * up a bounded number of sockets and event-loop work instead of all of them. Calls beyond that
 * wait in a short FIFO queue; when the queue is full, or a call has waited its time, it is refused
 * at once. Hand-written (a counter and a queue) because no bulkhead library is a dependency here
 * and opossum's `capacity` is per breaker (per operation) and refuses without queueing.
 */
export interface BulkheadOptions {
  maxConcurrent: number;
  /** Calls allowed to wait for a slot; beyond this they are refused without waiting. */
  maxQueued: number;
  /** Longest wait for a slot. */
  queueTimeoutMs: number;
}

export const DEFAULT_BULKHEAD_OPTIONS: BulkheadOptions = {
  maxConcurrent: 32,
  maxQueued: 64,
  queueTimeoutMs: 250,
};

export class BulkheadRejection extends Error {
  override readonly name = 'BulkheadRejection';

  constructor(readonly reason: 'queue-full' | 'queue-timeout') {
    super(reason === 'queue-full' ? 'bulkhead queue is full' : 'timed out waiting for a bulkhead slot');
  }
}

interface Waiter {
  admit(): void;
  timer: NodeJS.Timeout;
}

export interface Bulkhead {
  /** Runs `call` in a slot, waiting at most `waitMs` (and at most queueTimeoutMs) for one. */
  run<T>(call: () => Promise<T>, waitMs?: number): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

export function createBulkhead(options: BulkheadOptions): Bulkhead {
  let active = 0;
  const queue: Waiter[] = [];

  function acquire(waitMs: number): Promise<void> | undefined {
    if (active < options.maxConcurrent) {
      active += 1;
      return undefined;
    }
    if (queue.length >= options.maxQueued || waitMs <= 0) throw new BulkheadRejection('queue-full');
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        admit: resolve,
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(new BulkheadRejection('queue-timeout'));
        }, waitMs),
      };
      queue.push(waiter);
    });
  }

  function release(): void {
    const next = queue.shift();
    if (next) {
      // The slot passes straight to the next waiter, so `active` stays as it is.
      clearTimeout(next.timer);
      next.admit();
    } else {
      active -= 1;
    }
  }

  return {
    async run(call, waitMs = options.queueTimeoutMs) {
      await acquire(Math.min(waitMs, options.queueTimeoutMs));
      try {
        return await call();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  };
}
