// Publish jobs, targets and progress events for tests: one bluesky target per id, in job
// "job1" of draft "d1", each field overridable.
import type { JobStatus, PublishEvent, TargetEvent, TargetStatus } from "../backend";

export const target = (id: string, over: Partial<TargetStatus> = {}): TargetStatus => ({
  id,
  jobId: "job1",
  accountId: `acct-${id}`,
  network: "bluesky",
  lang: "en",
  state: "queued",
  attempts: 0,
  parts: 1,
  partsPosted: 0,
  remoteId: null,
  remoteUrl: null,
  error: null,
  retryable: null,
  nextAttemptAt: null,
  ...over,
});

export const job = (targets: TargetStatus[], over: Partial<JobStatus> = {}): JobStatus => ({
  id: "job1",
  draftId: "d1",
  draftRevision: 3,
  createdAt: "2026-11-24T02:00:00Z",
  updatedAt: "2026-11-24T02:00:00Z",
  targets,
  ...over,
});

export const event = (targetId: string, over: Partial<TargetEvent>): PublishEvent => ({
  kind: "target",
  jobId: "job1",
  targetId,
  accountId: `acct-${targetId}`,
  network: "bluesky",
  lang: "zh-Hans",
  state: "sending",
  part: null,
  parts: 1,
  attempt: 1,
  remoteUrl: null,
  error: null,
  retryable: null,
  nextAttemptAt: null,
  ...over,
});
