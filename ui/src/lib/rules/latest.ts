// Keeps typing smooth while the counters ask the shell: at most one request in flight, and
// while it runs only the newest input waits (older ones are dropped, never queued). Every
// answer is delivered in order, so a fast typist sees counts move, and the last answer is
// always for the last input.
//
//   const check = latestOnly((text: string) => backend.count(text), (n) => (count = n));
//   check.request("渡"); check.request("渡口"); // the second waits; a third would replace it
//
// `request` never waits, so an input handler calling it is never held up by the IPC round trip.

export interface LatestOnly<A> {
  /** Asks for `arg`; returns at once. */
  request(arg: A): void;
  /** Resolves when nothing is in flight or waiting (for tests and teardown). */
  settled(): Promise<void>;
  /** Drops what waits and ignores the answer in flight (e.g. when the composer closes). */
  cancel(): void;
}

export function latestOnly<A, R>(
  run: (arg: A) => Promise<R>,
  onResult: (result: R, arg: A) => void,
  onError: (error: unknown, arg: A) => void = () => undefined,
): LatestOnly<A> {
  let inFlight: Promise<void> | null = null;
  let waiting: { arg: A } | null = null;
  let generation = 0;

  const start = (arg: A): Promise<void> => {
    const mine = generation;
    return run(arg)
      .then(
        (result) => {
          if (mine === generation) onResult(result, arg);
        },
        (error: unknown) => {
          if (mine === generation) onError(error, arg);
        },
      )
      .finally(() => {
        const next = waiting;
        waiting = null;
        inFlight = next ? start(next.arg) : null;
      });
  };

  return {
    request(arg) {
      if (inFlight) waiting = { arg };
      else inFlight = start(arg);
    },
    async settled() {
      while (inFlight) await inFlight;
    },
    cancel() {
      generation++;
      waiting = null;
    },
  };
}
