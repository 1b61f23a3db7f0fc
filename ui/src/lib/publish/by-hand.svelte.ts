// "Mark as published" for a note the writer published by hand (RedNote has no posting API):
// recorded with its link by the engine (`mark_published`), after which the open draft's
// publish history reads itself again, so RedNote shows beside the networks Ferry posted to.
//
//   await markPublished(backend, draftId, "zh-Hans", "http://xhslink.com/a/…");
import type { Backend, JobStatus } from "../backend";

/** Bumped whenever a note is marked published; the top bar re-reads the draft's jobs on it. */
export const publishHistory = $state({ version: 0 });

export async function markPublished(backend: Backend, draftId: string, lang: string, url: string): Promise<JobStatus> {
  const job = await backend.call("mark_published", { mark: { draftId, network: "rednote", lang, url } });
  publishHistory.version += 1;
  return job;
}
