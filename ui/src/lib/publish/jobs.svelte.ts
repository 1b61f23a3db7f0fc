// The open draft's publish jobs as the top bar and the status panel show them: read when the
// draft changes, started by "Post now", sent again by "Retry failed", and kept current from the
// progress events the shell streams. At start, jobs a quit or crash left unfinished are resumed
// (the engine checks what may have gone out) — once per app start, however often the top bar
// is rebuilt.
//
//   const jobs = new PublishJobs(backend);
//   const stop = jobs.start();          // listen first, then resume
//   void jobs.show(session.id);         // whenever the open draft changes
//   await jobs.post(session.id, [accountId]);
//   await jobs.post(session.id, [xAccountId], true);   // after showing X's price (preview_post)
//   await jobs.settle(targetId, { kind: "notPosted" });   // after looking in the chat
//   for (const job of jobs.jobs) …
import { BackendError, EVENT, type Backend, type JobStatus, type Looked, type PublishEvent, type Unlisten } from "../backend";
import { applyEvent, applySnapshotAfter } from "./status";

/** The backends (one per app start) that already resumed; a rebuilt top bar skips resuming. */
const resumedBy = new WeakSet<Backend>();

/** Events kept to bring a command's snapshot up to date; a command answers long before this. */
const RECENT_EVENTS = 2000;

export class PublishJobs {
  /** The open draft's jobs, newest first. */
  jobs = $state<JobStatus[]>([]);
  /** The status panel: posting opens it, and so does resuming a job of the open draft. */
  panelOpen = $state(false);
  retrying = $state(false);
  /** The last failure of loading, retrying, resuming or opening a link (posting throws). */
  failure = $state<BackendError | null>(null);

  #backend: Backend;
  /** Which draft `jobs` belong to, so a late answer for the previous draft is dropped. */
  #draftId: string | null = null;
  /** Recent events, and how many older ones were dropped, so a mark survives the trimming. */
  #recent: PublishEvent[] = [];
  #dropped = 0;

  constructor(backend: Backend) {
    this.#backend = backend;
  }

  /**
   * Follows progress, then resumes unfinished jobs (listening first, so no progress of a
   * resumed job is missed). Resolves to the function that stops following.
   */
  async start(): Promise<Unlisten> {
    const off = await this.#backend.listen(EVENT.publish, (event) => this.#receive(event));
    await this.#resumeOnce();
    return off;
  }

  /** Lists the jobs of the draft now open (none for a draft not stored yet). */
  async show(draftId: string | null): Promise<void> {
    this.#draftId = draftId;
    if (!draftId) {
      this.jobs = [];
      return;
    }
    try {
      const loaded = await this.#backend.call("draft_publish_jobs", { draftId });
      if (this.#draftId === draftId) this.jobs = loaded;
    } catch (raw) {
      this.failure = BackendError.from(raw);
    }
  }

  /**
   * Posts the stored draft to these accounts and opens the panel; rejects when it cannot start.
   * `acceptXCost` says the person saw what X will charge; without it the engine refuses X.
   */
  async post(draftId: string, accountIds: string[], acceptXCost = false): Promise<void> {
    const request = { draftId, to: accountIds, mapping: [], allowThreads: true, acceptXCost };
    await this.#track(() => this.#backend.call("post_now", { request }));
    this.panelOpen = true;
  }

  /** Sends again only the job's targets that are not posted. */
  async retry(jobId: string): Promise<void> {
    this.retrying = true;
    try {
      await this.#track(() => this.#backend.call("retry_failed", { jobId }));
      this.failure = null;
    } catch (raw) {
      this.failure = BackendError.from(raw);
    } finally {
      this.retrying = false;
    }
  }

  /**
   * Says what the person found in the chat for a target Ferry can't check; the engine records
   * it and sends what is left, whose progress arrives as events like a retry's. Rejects when
   * refused, so the target's line can say why.
   */
  async settle(targetId: string, looked: Looked): Promise<void> {
    await this.#track(() => this.#backend.call("settle_target", { settle: { targetId, looked } }));
  }

  /** Opens a posted status in the system browser. */
  async openLink(url: string): Promise<void> {
    try {
      await this.#backend.call("open_link", { url });
    } catch (raw) {
      this.failure = BackendError.from(raw);
    }
  }

  async #resumeOnce(): Promise<void> {
    if (resumedBy.has(this.#backend)) return;
    resumedBy.add(this.#backend);
    try {
      const mark = this.#mark();
      const running = await this.#backend.call("resume_publishing");
      // Only the open draft's; another draft's resumed job shows when that draft is opened.
      const mine = running.filter((j) => j.draftId === this.#draftId);
      for (const job of mine) this.jobs = applySnapshotAfter(this.jobs, job, this.#since(mark));
      if (mine.length > 0) this.panelOpen = true;
    } catch (raw) {
      this.failure = BackendError.from(raw);
    }
  }

  /** Runs a command that answers with a job's snapshot, and lists it with what happened since. */
  async #track(command: () => Promise<JobStatus>): Promise<void> {
    const mark = this.#mark();
    const snapshot = await command();
    this.jobs = applySnapshotAfter(this.jobs, snapshot, this.#since(mark));
  }

  #receive(event: PublishEvent): void {
    this.#recent.push(event);
    if (this.#recent.length > RECENT_EVENTS) {
      const half = RECENT_EVENTS / 2;
      this.#recent.splice(0, half);
      this.#dropped += half;
    }
    const jobId = event.kind === "finished" ? event.id : event.jobId;
    // Only this draft's jobs; another draft's (a resumed job) shows when it is opened.
    if (this.jobs.some((j) => j.id === jobId)) this.jobs = applyEvent(this.jobs, event);
  }

  #mark(): number {
    return this.#dropped + this.#recent.length;
  }

  #since(mark: number): PublishEvent[] {
    return this.#recent.slice(Math.max(0, mark - this.#dropped));
  }
}
