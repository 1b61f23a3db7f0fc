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

/** A Telegram target whose answer was lost: it waits for the person to look in the chat. */
export const lookTarget = (id: string, over: Partial<TargetStatus> = {}): TargetStatus =>
  target(id, {
    network: "telegram",
    state: "unknown",
    attempts: 1,
    retryable: false,
    error: {
      code: "outbox.look_before_resending",
      message:
        "telegram: Ferry can't tell whether the post was posted (timed out); Telegram can't be asked, " +
        "so look in @ferry_news (https://t.me/ferry_news), then mark it posted or send it again",
    },
    ...over,
  });
