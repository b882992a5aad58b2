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
  /**
   * Runs by scope, then by key. The gateway keys a subgraph fetch by its body within the scope of its
   * URL and headers: a body used as a Map key as it is costs one hash, where one string of the scope
   * and the body would be a copy of every request body (about 1.4 kB per subgraph fetch) as garbage.
   */
  private readonly inFlight = new Map<string, Map<string, Run<Value>>>();
  private shared = 0;

  /**
   * Runs `work` for `key` (within `scope`), or joins the run already in flight for it. `work` gets a
   * signal that is aborted once every caller of the run has gone away (each caller's `signal`
   * aborted); a caller without a signal keeps the run going to its end.
   */
  run(key: string, work: (signal: AbortSignal) => Promise<Value>, signal?: AbortSignal, scope = ''): Promise<Value> {
    let runs = this.inFlight.get(scope);
    let run = runs?.get(key);
    if (run) {
      this.shared += 1;
    } else {
      const abort = new AbortController();
      const started = work(abort.signal);
      const created: Run<Value> = { promise: started, abort, waiting: 0 };
      if (!runs) {
        runs = new Map();
        this.inFlight.set(scope, runs);
      }
      const scoped = runs;
      scoped.set(key, created);
      // Remove on settle, whether it resolved or failed: a failure is shared by the callers that were
      // waiting for it, but the next caller retries. An emptied scope goes too, so scopes (one per
      // caller's Authorization) do not pile up.
      const forget = () => {
        if (scoped.get(key) !== created) return;
        scoped.delete(key);
        if (scoped.size === 0 && this.inFlight.get(scope) === scoped) this.inFlight.delete(scope);
      };
      started.then(forget, forget);
      run = created;
    }
    const joined = run;
    if (!signal) {
      joined.waiting = Number.POSITIVE_INFINITY;
    } else if (!signal.aborted) {
      joined.waiting += 1;
      const leave = () => {
        joined.waiting -= 1;
        if (joined.waiting === 0) joined.abort.abort();
      };
      signal.addEventListener('abort', leave, { once: true });
      const stopListening = () => signal.removeEventListener('abort', leave);
      joined.promise.then(stopListening, stopListening);
    } else if (joined.waiting === 0) {
      joined.abort.abort();
    }
    return joined.promise;
  }

  /** Runs currently in flight (for tests and metrics). */
  get size(): number {
    let size = 0;
    for (const runs of this.inFlight.values()) size += runs.size;
    return size;
  }

  /** Scopes with runs in flight (tests: an emptied scope is dropped). */
  get scopeCount(): number {
    return this.inFlight.size;
  }

  /** How many callers so far joined a run instead of starting one. */
  get sharedCount(): number {
    return this.shared;
  }
}

interface Run<Value> {
  promise: Promise<Value>;
  abort: AbortController;
  /** Callers still waiting for the run (infinite once one cannot go away). */
  waiting: number;
}
