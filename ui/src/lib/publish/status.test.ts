import { describe, expect, it } from "vitest";
import type { PublishEvent } from "../backend";
import { event, job, target } from "./fixtures";
import { applyEvent, applySnapshot, applySnapshotAfter, canRetry, countByState, isRunning } from "./status";

describe("publish status list", () => {
  it("moves a target through sending to posted with its link", () => {
    let jobs = applySnapshot([], job([target("a"), target("b")]));
    jobs = applyEvent(jobs, event("a", { state: "sending" }));
    expect(jobs[0].targets[0].state).toBe("sending");
    expect(isRunning(jobs[0])).toBe(true);
    jobs = applyEvent(jobs, event("a", { state: "posted", remoteUrl: "https://bsky.app/x" }));
    expect(jobs[0].targets[0]).toMatchObject({ state: "posted", partsPosted: 1, remoteUrl: "https://bsky.app/x" });
    expect(jobs[0].targets[1].state).toBe("queued");
  });

  it("keeps a failure's reason and whether retrying may help, and drops it when sending again", () => {
    let jobs = applySnapshot([], job([target("a", { state: "posted" }), target("b")]));
    const error = { code: "net.unreachable", message: "connection refused (127.0.0.1:9)" };
    jobs = applyEvent(jobs, event("b", { state: "failed", error, retryable: true }));
    expect(jobs[0].targets[1]).toMatchObject({ state: "failed", error, retryable: true });
    expect(canRetry(jobs[0])).toBe(true);
    expect(countByState(jobs[0])).toMatchObject({ posted: 1, failed: 1 });
    jobs = applyEvent(jobs, event("b", { state: "sending", attempt: 2 }));
    expect(jobs[0].targets[1].error).toBeNull();
    expect(jobs[0].targets[1].attempts).toBe(2);
    expect(canRetry(jobs[0])).toBe(false);
  });

  it("counts thread parts as they are posted", () => {
    let jobs = applySnapshot([], job([target("a", { parts: 3 })]));
    jobs = applyEvent(jobs, event("a", { state: "sending", part: 2, parts: 3 }));
    jobs = applyEvent(jobs, event("a", { state: "posted", part: 2, parts: 3 }));
    expect(jobs[0].targets[0].partsPosted).toBe(2);
  });

  it("starts a job from an event that arrives before its snapshot (a resumed job)", () => {
    const jobs = applyEvent([], event("z", { jobId: "job9", state: "unknown" }));
    expect(jobs).toHaveLength(1);
    expect(jobs[0].id).toBe("job9");
    expect(jobs[0].targets[0]).toMatchObject({ id: "z", state: "unknown", lang: "zh-Hans" });
  });

  it("takes the finished event as the final word and keeps jobs newest first", () => {
    const older = job([target("o", { state: "posted" })], { id: "job0", createdAt: "2026-11-23T09:00:00Z" });
    let jobs = applySnapshot([older], job([target("a"), target("b")]));
    expect(jobs.map((j) => j.id)).toEqual(["job1", "job0"]);
    const final = job([target("a", { state: "posted" }), target("b", { state: "failed", retryable: false })]);
    jobs = applyEvent(jobs, { kind: "finished", ...final });
    expect(jobs.map((j) => j.id)).toEqual(["job1", "job0"]);
    expect(jobs[0].targets.map((t) => t.state)).toEqual(["posted", "failed"]);
    expect(canRetry(jobs[0])).toBe(true);
    expect(canRetry(jobs[1])).toBe(false);
  });

  it("replays the events that overtook a command's answer on top of its snapshot", () => {
    const failed = job([target("a", { state: "posted" }), target("b", { state: "failed", retryable: true })]);
    // "Retry failed": b was sent and posted before the (older) snapshot arrived.
    let jobs = applySnapshot([], failed);
    const since: PublishEvent[] = [
      event("b", { state: "sending", attempt: 2 }),
      event("x", { jobId: "other", state: "posted" }),
      event("b", { state: "posted", remoteUrl: "https://bsky.app/b" }),
    ];
    for (const e of since) if (e.kind === "target" && e.jobId === "job1") jobs = applyEvent(jobs, e);
    jobs = applySnapshotAfter(jobs, job([target("a", { state: "posted" }), target("b", { state: "queued" })]), since);
    expect(jobs.map((j) => j.id)).toEqual(["job1"]);
    expect(jobs[0].targets.map((t) => t.state)).toEqual(["posted", "posted"]);
    expect(jobs[0].targets[1].remoteUrl).toBe("https://bsky.app/b");
  });
});
