// The counters' and previews' state for one variant: ask the shell (`check_variant`) after
// each edit, one request at a time (see latest.ts), and keep the newest answer.
//
//   const checks = new VariantChecks(backend);
//   $effect(() => checks.request($state.snapshot(session.content), "en", networkLimits, ["x"]));
//   checks.of("x")?.preview.measurement.over_by
import {
  BackendError,
  type Backend,
  type DraftContent,
  type Network,
  type NetworkCheck,
  type NetworkLimits,
  type VariantCheckRequest,
} from "../backend";
import { latestOnly, type LatestOnly } from "./latest";

export class VariantChecks {
  /** One per target network, in the targets' order. */
  checks = $state<NetworkCheck[]>([]);
  error = $state<BackendError | null>(null);
  #latest: LatestOnly<VariantCheckRequest>;

  constructor(backend: Backend) {
    this.#latest = latestOnly(
      (request) => backend.call("check_variant", { request }),
      (checks) => {
        this.checks = checks;
        this.error = null;
      },
      (error) => {
        this.error = BackendError.from(error);
      },
    );
  }

  /**
   * Asks for a new check; never waits. Pass plain data (`$state.snapshot`), not proxies.
   * `preview`: the networks whose spans and thread parts are wanted (null: all).
   */
  request(
    content: DraftContent,
    lang: string,
    limits: NetworkLimits,
    preview: Network[] | null = null,
  ): void {
    this.#latest.request({ content, lang, limits: { ...limits }, preview });
  }

  of(network: Network): NetworkCheck | undefined {
    return this.checks.find((c) => c.network === network);
  }

  settled(): Promise<void> {
    return this.#latest.settled();
  }

  close(): void {
    this.#latest.cancel();
  }
}
