// The publish status list as the UI shows it: jobs with their targets, kept current from the
// snapshots the commands return and the events the shell streams while posting.
//
//   let jobs: JobStatus[] = [];
//   jobs = applySnapshot(jobs, await backend.call("post_now", { request }));   // all queued
//   off = await backend.listen(EVENT.publish, (e) => (jobs = applyEvent(jobs, e)));
//
// Pure functions over plain data, so the list survives any order of snapshot and events and
// is tested without a window. Jobs are kept newest first, like `draft_publish_jobs` returns them.
import type { JobStatus, PublishEvent, TargetEvent, TargetState, TargetStatus } from "../backend";
import { needsLook } from "./settle";

/** Replaces (or adds) a whole job, e.g. the answer of "Post now" or the final event. */
export function applySnapshot(jobs: readonly JobStatus[], status: JobStatus): JobStatus[] {
  const rest = jobs.filter((j) => j.id !== status.id);
  return sortNewestFirst([status, ...rest]);
}

/**
 * A command's snapshot, then the events of that job that arrived since the command was
 * invoked. The shell reads the snapshot before it starts forwarding events, so every event
 * that came meanwhile is newer: without the replay, a quick job's "posted" (or its final
 * event) that overtook the command's answer would be lost under the older snapshot.
 */
export function applySnapshotAfter(
  jobs: readonly JobStatus[],
  status: JobStatus,
  since: readonly PublishEvent[],
): JobStatus[] {
  let next = applySnapshot(jobs, status);
  for (const event of since) {
    if ((event.kind === "finished" ? event.id : event.jobId) === status.id) next = applyEvent(next, event);
  }
  return next;
}

/** Folds one progress event into the list. An event for a job not listed yet starts it. */
export function applyEvent(jobs: readonly JobStatus[], event: PublishEvent): JobStatus[] {
  if (event.kind === "finished") {
    const { kind: _kind, ...status } = event;
    return applySnapshot(jobs, status);
  }
  const { kind: _kind, ...change } = event;
  const job = jobs.find((j) => j.id === change.jobId) ?? emptyJob(change);
  const known = job.targets.some((t) => t.id === change.targetId);
  const targets = known
    ? job.targets.map((t) => (t.id === change.targetId ? withEvent(t, change) : t))
    : [...job.targets, withEvent(blankTarget(change), change)];
  return applySnapshot(jobs, { ...job, targets });
}

function withEvent(target: TargetStatus, e: TargetEvent): TargetStatus {
  const posted = e.state === "posted";
  return {
    ...target,
    state: e.state,
    attempts: Math.max(target.attempts, e.attempt),
    parts: e.parts,
    // A thread part posted, or the whole target.
    partsPosted: posted ? (e.part ?? e.parts) : target.partsPosted,
    remoteUrl: e.remoteUrl ?? target.remoteUrl,
    // The reason belongs to this state only: a target sending again has no error.
    error: e.state === "failed" || e.state === "unknown" ? e.error : null,
    retryable: e.retryable,
    nextAttemptAt: e.nextAttemptAt,
  };
}

function blankTarget(e: TargetEvent): TargetStatus {
  return {
    id: e.targetId,
    jobId: e.jobId,
    accountId: e.accountId,
    network: e.network,
    lang: e.lang,
    state: "queued",
    attempts: 0,
    parts: e.parts,
    partsPosted: 0,
    remoteId: null,
    remoteUrl: null,
    error: null,
    retryable: null,
    nextAttemptAt: null,
  };
}

function emptyJob(e: TargetEvent): JobStatus {
  const now = new Date().toISOString();
  return { id: e.jobId, draftId: "", draftRevision: 0, createdAt: now, updatedAt: now, targets: [] };
}

function sortNewestFirst(jobs: JobStatus[]): JobStatus[] {
  return jobs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Targets still on their way (or being checked after a lost answer). */
export function isRunning(job: JobStatus): boolean {
  return job.targets.some((t) => t.state === "queued" || t.state === "sending");
}

/**
 * "Retry failed" is offered when the job has settled with something not posted — not for a
 * target waiting for the person to look in the chat, which a retry would only stop at again.
 */
export function canRetry(job: JobStatus): boolean {
  return !isRunning(job) && job.targets.some((t) => (t.state === "failed" || t.state === "unknown") && !needsLook(t));
}

export function countByState(job: JobStatus): Record<TargetState, number> {
  const counts: Record<TargetState, number> = { queued: 0, sending: 0, posted: 0, failed: 0, unknown: 0 };
  for (const t of job.targets) counts[t.state] += 1;
  return counts;
}
