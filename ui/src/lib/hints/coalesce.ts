// Asking the shell for hints on every keystroke without stalling typing: at most one request
// is in flight; what is asked meanwhile waits, and each newer ask replaces the waiting one,
// so after a burst of typing exactly one more request runs — for the latest text. An answer
// that a newer ask has already made stale is dropped rather than shown and replaced a moment
// later (less flicker, and hover offsets always belong to the text on screen).
//
//   const hints = new Coalescer((text: string) => backend.hints(text, "zh-Hans"), {
//     onResult: (found, text) => show(found, text),
//     onError: (err) => showError(err),
//   });
//   textarea.oninput = () => hints.ask(textarea.value);

export interface CoalescerHandlers<Q, R> {
  onResult: (result: R, query: Q) => void;
  onError?: (error: unknown, query: Q) => void;
}

export class Coalescer<Q, R> {
  #run: (query: Q) => Promise<R>;
  #handlers: CoalescerHandlers<Q, R>;
  #busy = false;
  #waiting: { query: Q } | null = null;
  #disposed = false;

  constructor(run: (query: Q) => Promise<R>, handlers: CoalescerHandlers<Q, R>) {
    this.#run = run;
    this.#handlers = handlers;
  }

  /** Asks for `query`: now if nothing is in flight, else after it (replacing any earlier wait). */
  ask(query: Q): void {
    if (this.#disposed) return;
    if (this.#busy) {
      this.#waiting = { query };
      return;
    }
    void this.#start(query);
  }

  /** True while a request is in flight. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Stops delivering; an answer still in flight is ignored. */
  dispose(): void {
    this.#disposed = true;
    this.#waiting = null;
  }

  async #start(query: Q): Promise<void> {
    this.#busy = true;
    let outcome: { ok: true; value: R } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await this.#run(query) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.#busy = false;
    if (this.#disposed) return;
    const next = this.#waiting;
    this.#waiting = null;
    if (next) {
      // Stale: the text changed while this was computed.
      void this.#start(next.query);
      return;
    }
    if (outcome.ok) this.#handlers.onResult(outcome.value, query);
    else this.#handlers.onError?.(outcome.error, query);
  }
}
