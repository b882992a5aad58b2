/**
 * In-flight deduplication: while a piece of work for a key is running, callers asking for the same
 * key wait for that one run instead of starting their own. Nothing is cached: the entry is removed
 * the moment the run settles, so a caller arriving afterwards starts a fresh run and never sees an
 * answer older than its own request.
 *
 * The caller decides what may share a key (see fetcher.ts: queries only, never mutations, and the key
 * holds the subgraph, the body and every header that can change the answer, such as Authorization).
 */
export class InFlightDeduplicator<Value> {
  private readonly inFlight = new Map<string, Promise<Value>>();
  private shared = 0;

  /** Runs `work` for `key`, or joins the run already in flight for it. */
  run(key: string, work: () => Promise<Value>): Promise<Value> {
    const running = this.inFlight.get(key);
    if (running) {
      this.shared += 1;
      return running;
    }
    const started = work();
    this.inFlight.set(key, started);
    // Remove on settle, whether it resolved or failed: a failure is shared by the callers that were
    // waiting for it, but the next caller retries.
    const forget = () => {
      if (this.inFlight.get(key) === started) this.inFlight.delete(key);
    };
    started.then(forget, forget);
    return started;
  }

  /** Runs currently in flight (for tests and metrics). */
  get size(): number {
    return this.inFlight.size;
  }

  /** How many callers so far joined a run instead of starting one. */
  get sharedCount(): number {
    return this.shared;
  }
}
