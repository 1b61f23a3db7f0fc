import { describe, expect, it } from "vitest";
import { EVENT, type JobStatus } from "../backend";
import { FakeBackend } from "../backend/fake";
import { event, job, lookTarget, target } from "./fixtures";
import { PublishJobs } from "./jobs.svelte";

const posted = event("t1", { state: "posted", remoteUrl: "https://bsky.app/profile/ferry/post/1" });

describe("PublishJobs", () => {
  it("resumes unfinished jobs once per app start, however often the top bar is rebuilt", async () => {
    const fake = new FakeBackend({
      draft_publish_jobs: () => [],
      resume_publishing: () => [job([target("t1")]), job([target("t2")], { id: "job2", draftId: "d2" })],
    });
    const first = new PublishJobs(fake);
    await first.show("d1");
    const stopFirst = await first.start();
    // Only the open draft's resumed job is listed, and the panel opens for it.
    expect(first.jobs.map((j) => j.id)).toEqual(["job1"]);
    expect(first.panelOpen).toBe(true);
    stopFirst();

    const rebuilt = new PublishJobs(fake);
    await rebuilt.show("d1");
    await rebuilt.start();
    expect(fake.called("resume_publishing")).toHaveLength(1);
    expect(rebuilt.panelOpen).toBe(false);

    // The next app start (a new backend) resumes again.
    const restarted = new FakeBackend({ resume_publishing: () => [] });
    await new PublishJobs(restarted).start();
    expect(restarted.called("resume_publishing")).toHaveLength(1);
  });

  it("listens before resuming, so a resumed job's progress that overtakes the answer is kept", async () => {
    const fake = new FakeBackend({ draft_publish_jobs: () => [] });
    fake.answer("resume_publishing", () => {
      fake.emit(EVENT.publish, posted);
      return [job([target("t1", { state: "sending", attempts: 1 })])];
    });
    const jobs = new PublishJobs(fake);
    await jobs.show("d1");
    await jobs.start();
    expect(jobs.jobs[0].targets[0].state).toBe("posted");
    expect(jobs.jobs[0].targets[0].remoteUrl).toBe("https://bsky.app/profile/ferry/post/1");
  });

  it("keeps a quick post's events that overtake the answer of Post now", async () => {
    const fake = new FakeBackend({ draft_publish_jobs: () => [], resume_publishing: () => [] });
    fake.answer("post_now", ({ request }) => {
      // The shell posted (and finished) before the command's answer reached the window.
      fake.emit(EVENT.publish, posted);
      const done = target("t1", { state: "posted", attempts: 1, partsPosted: 1 });
      fake.emit(EVENT.publish, { kind: "finished", ...job([done], { draftId: request.draftId }) });
      return job([target("t1")], { draftId: request.draftId });
    });
    const jobs = new PublishJobs(fake);
    await jobs.show("d1");
    await jobs.start();

    await jobs.post("d1", ["acct-t1"]);
    expect(fake.called("post_now")).toEqual([
      { request: { draftId: "d1", to: ["acct-t1"], mapping: [], allowThreads: true, acceptXCost: false } },
    ]);
    expect(jobs.jobs).toHaveLength(1);
    expect(jobs.jobs[0].targets[0].state).toBe("posted");
    expect(jobs.panelOpen).toBe(true);
  });

  it("accepts X's price only when told the person saw it", async () => {
    const fake = new FakeBackend({ post_now: ({ request }) => job([target("t1")], { draftId: request.draftId }) });
    const jobs = new PublishJobs(fake);
    await jobs.post("d1", ["x1"], true);
    expect(fake.called("post_now")).toEqual([
      { request: { draftId: "d1", to: ["x1"], mapping: [], allowThreads: true, acceptXCost: true } },
    ]);
  });

  it("rejects a post that cannot start and leaves the panel closed", async () => {
    const fake = new FakeBackend({
      draft_publish_jobs: () => [],
      resume_publishing: () => [],
      post_now: () => {
        throw { code: "outbox.no_targets", message: "the draft has no targets" };
      },
    });
    const jobs = new PublishJobs(fake);
    await jobs.show("d1");
    await jobs.start();
    await expect(jobs.post("d1", [])).rejects.toMatchObject({ code: "outbox.no_targets" });
    expect(jobs.panelOpen).toBe(false);
    expect(jobs.jobs).toEqual([]);
  });

  it("retry updates the job with its answer and the progress that follows", async () => {
    const failed = target("t1", { state: "failed", attempts: 1, retryable: true });
    const fake = new FakeBackend({
      draft_publish_jobs: () => [job([failed])],
      resume_publishing: () => [],
      retry_failed: ({ jobId }) => job([{ ...failed, state: "queued", error: null }], { id: jobId }),
    });
    const jobs = new PublishJobs(fake);
    await jobs.show("d1");
    await jobs.start();
    expect(jobs.jobs[0].targets[0].state).toBe("failed");

    await jobs.retry("job1");
    expect(fake.called("retry_failed")).toEqual([{ jobId: "job1" }]);
    expect(jobs.jobs[0].targets[0].state).toBe("queued");
    expect(jobs.retrying).toBe(false);

    fake.emit(EVENT.publish, event("t1", { state: "posted", attempt: 2 }));
    expect(jobs.jobs[0].targets[0]).toMatchObject({ state: "posted", attempts: 2 });
  });

  it("shows why a retry was refused, and clears it after one that worked", async () => {
    const fake = new FakeBackend({
      draft_publish_jobs: () => [job([target("t1")])],
      retry_failed: () => {
        throw { code: "outbox.busy", message: "the job is still sending" };
      },
    });
    const jobs = new PublishJobs(fake);
    await jobs.show("d1");
    await jobs.retry("job1");
    expect(jobs.failure?.code).toBe("outbox.busy");
    expect(jobs.retrying).toBe(false);

    fake.answer("retry_failed", () => job([target("t1")]));
    await jobs.retry("job1");
    expect(jobs.failure).toBeNull();
  });

  it("settles a target after looking, then follows what is sent again", async () => {
    const fake = new FakeBackend({ draft_publish_jobs: () => [job([lookTarget("t1")])], resume_publishing: () => [] });
    fake.answer("settle_target", ({ settle }) =>
      job([{ ...lookTarget(settle.targetId), state: "queued", error: null, retryable: null }]),
    );
    const jobs = new PublishJobs(fake);
    await jobs.show("d1");
    await jobs.start();

    await jobs.settle("t1", { kind: "notPosted" });
    expect(fake.called("settle_target")).toEqual([{ settle: { targetId: "t1", looked: { kind: "notPosted" } } }]);
    expect(jobs.jobs[0].targets[0]).toMatchObject({ state: "queued", error: null });
    fake.emit(EVENT.publish, event("t1", { state: "posted", network: "telegram", remoteUrl: "https://t.me/ferry_news/7" }));
    expect(jobs.jobs[0].targets[0]).toMatchObject({ state: "posted", remoteUrl: "https://t.me/ferry_news/7" });
  });

  it("rejects a refused settle so the target's line can say why, and changes nothing", async () => {
    const fake = new FakeBackend({
      draft_publish_jobs: () => [job([lookTarget("t1")])],
      settle_target: () => {
        throw { code: "outbox.nothing_to_settle", message: "none of its parts is unknown" };
      },
    });
    const jobs = new PublishJobs(fake);
    await jobs.show("d1");
    await expect(jobs.settle("t1", { kind: "posted", url: null })).rejects.toMatchObject({
      code: "outbox.nothing_to_settle",
    });
    expect(jobs.jobs[0].targets[0].state).toBe("unknown");
  });

  it("drops a late answer for the draft that was open before", async () => {
    let answerD1: (jobs: JobStatus[]) => void = () => undefined;
    const fake = new FakeBackend({
      draft_publish_jobs: ({ draftId }) =>
        draftId === "d1" ? new Promise<JobStatus[]>((resolve) => (answerD1 = resolve)) : [],
    });
    const jobs = new PublishJobs(fake);
    const slow = jobs.show("d1");
    await jobs.show("d2");
    answerD1([job([target("t1")])]);
    await slow;
    expect(jobs.jobs).toEqual([]);
  });

  it("ignores progress of another draft's job and stops following when asked", async () => {
    const fake = new FakeBackend({ draft_publish_jobs: () => [job([target("t1")])], resume_publishing: () => [] });
    const jobs = new PublishJobs(fake);
    await jobs.show("d1");
    const stop = await jobs.start();

    fake.emit(EVENT.publish, event("t9", { jobId: "job9", state: "posted" }));
    expect(jobs.jobs.map((j) => j.id)).toEqual(["job1"]);

    stop();
    expect(fake.listening(EVENT.publish)).toBe(0);
    fake.emit(EVENT.publish, posted);
    expect(jobs.jobs[0].targets[0].state).toBe("queued");
  });
});
