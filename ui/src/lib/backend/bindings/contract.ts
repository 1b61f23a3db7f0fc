// Generated from the shell's command and event declarations (src-tauri/src/commands/mod.rs,
// src-tauri/src/events.rs) by `make bindings`. Do not edit.
import type { About } from "./About";
import type { Account } from "./Account";
import type { AccountZone } from "./AccountZone";
import type { AddBluesky } from "./AddBluesky";
import type { AddNostr } from "./AddNostr";
import type { AddS3Host } from "./AddS3Host";
import type { AddTelegram } from "./AddTelegram";
import type { AddThreads } from "./AddThreads";
import type { AddedAccount } from "./AddedAccount";
import type { AddedNostr } from "./AddedNostr";
import type { AppSettings } from "./AppSettings";
import type { AttachOutcome } from "./AttachOutcome";
import type { DatabaseStatus } from "./DatabaseStatus";
import type { Draft } from "./Draft";
import type { DraftEdit } from "./DraftEdit";
import type { DraftSummary } from "./DraftSummary";
import type { ExportedKit } from "./ExportedKit";
import type { FeedEvent } from "./FeedEvent";
import type { FeedItem } from "./FeedItem";
import type { FeedSettings } from "./FeedSettings";
import type { FeedSource } from "./FeedSource";
import type { Focus } from "./Focus";
import type { GapReport } from "./GapReport";
import type { Hints } from "./Hints";
import type { Interaction } from "./Interaction";
import type { JobStatus } from "./JobStatus";
import type { KitToTelegram } from "./KitToTelegram";
import type { LanHandoff } from "./LanHandoff";
import type { LanPage } from "./LanPage";
import type { LanPageState } from "./LanPageState";
import type { LangTag } from "./LangTag";
import type { ListQuery } from "./ListQuery";
import type { MarkPublished } from "./MarkPublished";
import type { MastodonSignInView } from "./MastodonSignInView";
import type { MediaHost } from "./MediaHost";
import type { NetworkCheck } from "./NetworkCheck";
import type { NewDraft } from "./NewDraft";
import type { NewSchedule } from "./NewSchedule";
import type { Person } from "./Person";
import type { Platform } from "./Platform";
import type { ProviderChange } from "./ProviderChange";
import type { ProviderConfig } from "./ProviderConfig";
import type { ProviderInput } from "./ProviderInput";
import type { PublishEvent } from "./PublishEvent";
import type { PublishRequest } from "./PublishRequest";
import type { QueueSlot } from "./QueueSlot";
import type { RednoteExport } from "./RednoteExport";
import type { RefreshStarted } from "./RefreshStarted";
import type { Revision } from "./Revision";
import type { RevisionSummary } from "./RevisionSummary";
import type { SaveOutcome } from "./SaveOutcome";
import type { Schedule } from "./Schedule";
import type { ScheduleFilter } from "./ScheduleFilter";
import type { SchedulerEvent } from "./SchedulerEvent";
import type { SchedulerStatus } from "./SchedulerStatus";
import type { SentKit } from "./SentKit";
import type { Settle } from "./Settle";
import type { StartMastodon } from "./StartMastodon";
import type { StartX } from "./StartX";
import type { TargetPreview } from "./TargetPreview";
import type { Translated } from "./Translated";
import type { VariantCheckRequest } from "./VariantCheckRequest";
import type { WallTimeCheck } from "./WallTimeCheck";
import type { XSignInView } from "./XSignInView";

/** Every command the UI may invoke: its arguments (as the UI sends them) and its result. */
export type Commands = {
  database_status: { args: Record<string, never>; result: DatabaseStatus };
  retry_database: { args: Record<string, never>; result: DatabaseStatus };
  start_fresh: { args: Record<string, never>; result: DatabaseStatus };
  list_drafts: { args: { query: ListQuery }; result: Array<DraftSummary> };
  get_draft: { args: { id: string }; result: Draft };
  create_draft: { args: { draft: NewDraft }; result: Draft };
  save_draft: { args: { edit: DraftEdit }; result: SaveOutcome };
  delete_draft: { args: { id: string }; result: void };
  draft_history: { args: { id: string }; result: Array<RevisionSummary> };
  get_revision: { args: { id: string; number: number }; result: Revision };
  restore_revision: { args: { id: string; number: number }; result: SaveOutcome };
  drop_draft_reply: { args: { id: string }; result: SaveOutcome };
  attach_media: { args: { id: string; path: string }; result: AttachOutcome };
  set_attachment_focus: { args: { id: string; attachmentId: string; focus: Focus | null }; result: Draft };
  get_media_host: { args: Record<string, never>; result: MediaHost | null };
  add_s3_media_host: { args: { add: AddS3Host }; result: MediaHost };
  remove_media_host: { args: Record<string, never>; result: boolean };
  set_media_host_delete_after_post: { args: { on: boolean }; result: MediaHost | null };
  check_variant: { args: { request: VariantCheckRequest }; result: Array<NetworkCheck> };
  get_settings: { args: Record<string, never>; result: AppSettings };
  save_settings: { args: { settings: AppSettings }; result: AppSettings };
  system_languages: { args: Record<string, never>; result: Array<string> };
  autostart_enabled: { args: Record<string, never>; result: boolean };
  set_autostart: { args: { on: boolean }; result: boolean };
  log_folder: { args: Record<string, never>; result: string };
  open_log_folder: { args: Record<string, never>; result: void };
  about: { args: Record<string, never>; result: About };
  welcome_needed: { args: Record<string, never>; result: boolean };
  finish_welcome: { args: Record<string, never>; result: void };
  close_main_window: { args: Record<string, never>; result: void };
  keep_main_window_open: { args: Record<string, never>; result: void };
  list_accounts: { args: Record<string, never>; result: Array<Account> };
  add_bluesky: { args: { add: AddBluesky }; result: AddedAccount };
  add_nostr: { args: { add: AddNostr }; result: AddedNostr };
  add_telegram: { args: { add: AddTelegram }; result: AddedAccount };
  add_threads: { args: { add: AddThreads }; result: AddedAccount };
  set_nostr_media_server: { args: { id: string; server: string | null }; result: Account };
  set_account_audience: { args: { id: string; audience: Array<LangTag> }; result: Account };
  remove_account: { args: { id: string }; result: number };
  start_mastodon_sign_in: { args: { start: StartMastodon; audience: Array<LangTag> }; result: MastodonSignInView };
  wait_mastodon_sign_in: { args: { signInId: string }; result: AddedAccount };
  finish_mastodon_sign_in: { args: { signInId: string; code: string }; result: AddedAccount };
  cancel_mastodon_sign_in: { args: { signInId: string }; result: void };
  start_x_sign_in: { args: { start: StartX }; result: XSignInView };
  wait_x_sign_in: { args: { signInId: string }; result: AddedAccount };
  cancel_x_sign_in: { args: { signInId: string }; result: void };
  post_now: { args: { request: PublishRequest }; result: JobStatus };
  preview_post: { args: { request: PublishRequest }; result: Array<TargetPreview> };
  retry_failed: { args: { jobId: string }; result: JobStatus };
  draft_publish_jobs: { args: { draftId: string }; result: Array<JobStatus> };
  mark_published: { args: { mark: MarkPublished }; result: JobStatus };
  settle_target: { args: { settle: Settle }; result: JobStatus };
  export_rednote_kit: { args: { export: RednoteExport }; result: ExportedKit };
  open_kit_folder: { args: { folder: string }; result: void };
  send_rednote_kit: { args: { send: KitToTelegram }; result: SentKit };
  start_lan_handoff: { args: { handoff: LanHandoff }; result: LanPage };
  lan_handoff_state: { args: Record<string, never>; result: LanPageState };
  stop_lan_handoff: { args: Record<string, never>; result: void };
  resume_publishing: { args: Record<string, never>; result: Array<JobStatus> };
  open_link: { args: { url: string }; result: void };
  hints: { args: { text: string; variant: string | null }; result: Hints };
  convert_chinese: { args: { text: string; target: string }; result: string };
  translation_status: { args: Record<string, never>; result: ProviderConfig | null };
  list_translation_providers: { args: Record<string, never>; result: Array<ProviderConfig> };
  add_translation_provider: { args: { provider: ProviderInput }; result: ProviderConfig };
  update_translation_provider: { args: { id: string; change: ProviderChange }; result: ProviderConfig };
  remove_translation_provider: { args: { id: string }; result: void };
  translate_text: { args: { text: string; from: string | null; to: string }; result: Translated };
  scheduler_status: { args: Record<string, never>; result: SchedulerStatus };
  list_schedules: { args: { filter: ScheduleFilter }; result: Array<Schedule> };
  check_wall_time: { args: { at: string; tz: string }; result: WallTimeCheck };
  add_schedule: { args: { schedule: NewSchedule }; result: Schedule };
  schedule_next_slots: { args: { draftId: string; to: Array<string>; acceptXCost: boolean }; result: Array<Schedule> };
  move_schedule: { args: { id: string; at: string; tz: string }; result: Schedule };
  cancel_schedule: { args: { id: string }; result: Schedule };
  post_held_now: { args: { id: string }; result: Schedule };
  skip_held: { args: { id: string }; result: Schedule };
  set_catch_up_minutes: { args: { minutes: number }; result: number };
  account_zones: { args: Record<string, never>; result: Array<AccountZone> };
  set_account_zone: { args: { accountId: string; tz: string | null }; result: string };
  set_server_schedule: { args: { accountId: string; on: boolean }; result: void };
  system_zone: { args: Record<string, never>; result: string };
  list_slots: { args: Record<string, never>; result: Array<QueueSlot> };
  add_slot: { args: { accountId: string; day: string; time: string; tz: string | null }; result: QueueSlot };
  remove_slot: { args: { id: string }; result: void };
  list_feed_sources: { args: Record<string, never>; result: Array<FeedSource> };
  add_feed: { args: { url: string }; result: FeedSource };
  add_feed_creator: { args: { base: string; platform: Platform; user: string }; result: FeedSource };
  remove_feed_source: { args: { id: string }; result: void };
  refresh_feeds: { args: { sourceId: string | null }; result: RefreshStarted };
  list_feed_items: { args: { limit: number; offset: number; search: string | null; network: string | null; lang: string | null; source: string | null; media: boolean | null }; result: Array<FeedItem> };
  bring_feed_item: { args: { itemId: number }; result: Draft };
  reply_to_feed_item: { args: { itemId: number }; result: Draft };
  list_feed_people: { args: Record<string, never>; result: Array<Person> };
  link_feed_people: { args: { itemIds: Array<number>; name: string | null }; result: Person };
  remove_feed_person: { args: { id: string }; result: void };
  interact_feed_item: { args: { itemId: number; kind: Interaction }; result: FeedItem };
  undo_feed_interaction: { args: { itemId: number; kind: Interaction }; result: FeedItem };
  load_feed_gap: { args: { gapId: number }; result: GapReport };
  forget_feed_gap: { args: { gapId: number }; result: void };
  feed_settings: { args: Record<string, never>; result: FeedSettings };
  set_feed_retention: { args: { keep: number }; result: FeedSettings };
};
export type CommandName = keyof Commands;

/** Events the shell emits, by name, with their payloads. */
export type Events = {
  "ferry://publish": PublishEvent;
  "ferry://close-requested": null;
  "ferry://schedule": SchedulerEvent;
  "ferry://feed": FeedEvent;
};
/** The event names, for `listen`. */
export const EVENT = {
  publish: "ferry://publish",
  closeRequested: "ferry://close-requested",
  schedule: "ferry://schedule",
  feed: "ferry://feed",
} as const;

/** The shell's URI scheme serving stored media (src-tauri/src/media_protocol.rs). */
export const MEDIA_SCHEME = "ferry-media";
/** The shell's URI scheme serving feed items' images (src-tauri/src/feed_image_protocol.rs). */
export const FEED_IMAGE_SCHEME = "ferry-feed-image";
/** Image file types the engine accepts (it sniffs the bytes as well). */
export const IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp"] as const;
/** Every network, in the engine's order (ferry_networks::rules::Network::ALL). */
export const NETWORKS = ["x", "bluesky", "mastodon", "threads", "telegram", "nostr", "rednote", "weibo"] as const;
/** The account id of a target the writer published by hand (ferry_core::outbox::BY_HAND). */
export const BY_HAND = "by-hand";
/** The loopback port of X's sign-in callback by default (ferry_core::accounts::DEFAULT_X_PORT). */
export const X_DEFAULT_PORT = 8717;
/** X's prices as Ferry estimates them (ferry_networks::x::cost). */
export const X_PRICES = { post: "$0.015", postWithLink: "$0.200", asOf: "2026-12-07" } as const;

/** Every error code a command can reject with (`BackendError.code`). */
export type ErrorCode = "account.bot_cannot_post" | "account.invalid" | "account.missing_secret" | "account.not_found" | "account.sign_in_busy" | "account.sign_in_cancelled" | "account.sign_in_gone" | "account.unsupported_network" | "account.wrong_network" | "app.autostart" | "app.bad_link" | "app.browser" | "app.no_database" | "app.open_folder" | "app.unexpected" | "app.window" | "convert.unavailable" | "convert.unknown_target" | "db.corrupt" | "db.disk_full" | "db.error" | "db.locked" | "db.migrate" | "db.no_data_dir" | "db.not_broken" | "db.not_ferry" | "db.not_open" | "db.set_aside" | "db.too_new" | "db.unwritable" | "dict.format" | "dict.loading" | "dict.missing" | "dict.read" | "draft.conflict" | "draft.invalid" | "draft.invalid_language" | "draft.not_found" | "draft.revision_not_found" | "draft.too_large" | "draft.unknown_network" | "feed.account_source" | "feed.bad_profile" | "feed.bad_query" | "feed.bad_retention" | "feed.bad_url" | "feed.duplicate" | "feed.gap_failed" | "feed.gap_not_loadable" | "feed.http_error" | "feed.no_gap" | "feed.no_image" | "feed.no_item" | "feed.no_person" | "feed.not_a_feed" | "feed.not_answerable" | "feed.not_found" | "feed.not_interactive" | "feed.not_linkable" | "feed.too_large" | "feed.unreachable" | "handoff.folder" | "handoff.no_lan" | "handoff.no_variant" | "handoff.not_telegram" | "handoff.pictures" | "handoff.serve" | "handoff.telegram" | "hints.table_invalid" | "internal" | "limits.invalid" | "media.missing" | "media.not_found" | "media.too_large" | "media.unreadable" | "media.unsupported" | "media_host.missing_secret" | "net.auth" | "net.invalid_input" | "net.invalid_response" | "net.rate_limited" | "net.rejected" | "net.server_error" | "net.timeout" | "net.tls" | "net.unknown_outcome" | "net.unreachable" | "network.unknown" | "outbox.already_published" | "outbox.bad_note_link" | "outbox.busy" | "outbox.cost_not_accepted" | "outbox.empty_draft" | "outbox.internal" | "outbox.job_not_found" | "outbox.never_published" | "outbox.no_account" | "outbox.no_such_variant" | "outbox.no_targets" | "outbox.not_by_hand" | "outbox.nothing_to_settle" | "outbox.reply_elsewhere" | "outbox.unavailable" | "outbox.unreadable_job" | "schedule.accounts_unavailable" | "schedule.bad_offset" | "schedule.bad_setting" | "schedule.bad_slot" | "schedule.bad_time" | "schedule.cost_not_accepted" | "schedule.draft_deleted" | "schedule.dst_fold" | "schedule.dst_gap" | "schedule.no_free_slot" | "schedule.no_targets" | "schedule.not_editable" | "schedule.not_found" | "schedule.not_mastodon" | "schedule.past" | "schedule.preflight" | "schedule.slot_not_found" | "schedule.targets_left_out" | "schedule.unknown_zone" | "secrets.bad_config" | "secrets.bad_key" | "secrets.bad_passphrase" | "secrets.bad_value" | "secrets.corrupt" | "secrets.exposed" | "secrets.internal" | "secrets.io" | "secrets.keychain" | "secrets.no_keychain" | "secrets.no_passphrase" | "settings.invalid" | "split.impossible" | "split.no_threads" | "translate.bad_key" | "translate.bad_request" | "translate.bad_response" | "translate.cache" | "translate.disabled" | "translate.missing_key" | "translate.provider_invalid" | "translate.provider_not_found" | "translate.quota_exhausted" | "translate.rate_limited" | "translate.rejected" | "translate.unreachable";
