// Accounts and publishing over Tauri's IPC: the accounts screen, "Post now", "Retry failed",
// a draft's publish history, and the progress events the shell streams while posting
// (src-tauri/src/commands/accounts.rs and publish.rs).
//
//   import { publishing } from "$lib/backend/publishing";
//   const off = await publishing.onPublishEvent((event) => (jobs = applyEvent(jobs, event)));
//   const job = await publishing.postNow({ draftId, to: [accountId], mapping: [], allowThreads: true });
//
// Every method rejects with a `BackendError` carrying the engine's `{code, message}`.
import { listen } from "@tauri-apps/api/event";
import type { Account } from "./bindings/Account";
import type { AddBluesky } from "./bindings/AddBluesky";
import type { AddedAccount } from "./bindings/AddedAccount";
import type { AddedNostr } from "./bindings/AddedNostr";
import type { AddNostr } from "./bindings/AddNostr";
import type { JobStatus } from "./bindings/JobStatus";
import type { MastodonSignInView } from "./bindings/MastodonSignInView";
import type { PublishEvent } from "./bindings/PublishEvent";
import type { PublishRequest } from "./bindings/PublishRequest";
import type { StartMastodon } from "./bindings/StartMastodon";
import { call } from "./tauri";

export type { Account } from "./bindings/Account";
export type { AccountState } from "./bindings/AccountState";
export type { AddBluesky } from "./bindings/AddBluesky";
export type { AddedAccount } from "./bindings/AddedAccount";
export type { AddedNostr } from "./bindings/AddedNostr";
export type { AddNostr } from "./bindings/AddNostr";
export type { JobStatus } from "./bindings/JobStatus";
export type { MastodonSignInView } from "./bindings/MastodonSignInView";
export type { PublishEvent } from "./bindings/PublishEvent";
export type { PublishRequest } from "./bindings/PublishRequest";
export type { Relay } from "./bindings/Relay";
export type { TargetEvent } from "./bindings/TargetEvent";
export type { TargetState } from "./bindings/TargetState";
export type { TargetStatus } from "./bindings/TargetStatus";

/** Emitted by the shell for every publish state change (see src-tauri/src/commands/publish.rs). */
const PUBLISH_EVENT = "ferry://publish";

export interface PublishingBackend {
  listAccounts(): Promise<Account[]>;
  /** Signs in with an app password (again, for an account that needs it). */
  addBluesky(add: AddBluesky): Promise<AddedAccount>;
  /** A generated key comes back once as `nsec`, for the person to keep a copy. */
  addNostr(add: AddNostr): Promise<AddedNostr>;
  setAccountAudience(id: string, audience: string[]): Promise<Account>;
  /** Removes the account and its keychain secrets; resolves to how many secrets went. */
  removeAccount(id: string): Promise<number>;
  /** Opens the instance's authorization page in the browser. */
  startMastodonSignIn(start: StartMastodon, audience: string[]): Promise<MastodonSignInView>;
  /** Waits for the browser to come back to Ferry's loopback address. */
  waitMastodonSignIn(signInId: string): Promise<AddedAccount>;
  /** Finishes an out-of-band sign-in with the code the server showed. */
  finishMastodonSignIn(signInId: string, code: string): Promise<AddedAccount>;
  cancelMastodonSignIn(signInId: string): Promise<void>;

  /** Starts posting; resolves at once with every target queued. Progress comes as events. */
  postNow(request: PublishRequest): Promise<JobStatus>;
  /** Sends again only the job's targets that are not posted. */
  retryFailed(jobId: string): Promise<JobStatus>;
  /** The draft's publish jobs, newest first. */
  draftPublishJobs(draftId: string): Promise<JobStatus[]>;
  /** At start: finishes jobs a quit or crash left unfinished. */
  resumePublishing(): Promise<JobStatus[]>;
  /** Opens a posted status in the system browser. */
  openLink(url: string): Promise<void>;
  onPublishEvent(handler: (event: PublishEvent) => void): Promise<() => void>;
}

export const publishing: PublishingBackend = {
  listAccounts: () => call("list_accounts"),
  addBluesky: (add) => call("add_bluesky", { add }),
  addNostr: (add) => call("add_nostr", { add }),
  setAccountAudience: (id, audience) => call("set_account_audience", { id, audience }),
  removeAccount: (id) => call("remove_account", { id }),
  startMastodonSignIn: (start, audience) => call("start_mastodon_sign_in", { start, audience }),
  waitMastodonSignIn: (signInId) => call("wait_mastodon_sign_in", { signInId }),
  finishMastodonSignIn: (signInId, code) => call("finish_mastodon_sign_in", { signInId, code }),
  cancelMastodonSignIn: (signInId) => call("cancel_mastodon_sign_in", { signInId }),

  postNow: (request) => call("post_now", { request }),
  retryFailed: (jobId) => call("retry_failed", { jobId }),
  draftPublishJobs: (draftId) => call("draft_publish_jobs", { draftId }),
  resumePublishing: () => call("resume_publishing"),
  openLink: (url) => call("open_link", { url }),
  onPublishEvent: (handler) => listen<PublishEvent>(PUBLISH_EVENT, ({ payload }) => handler(payload)),
};
