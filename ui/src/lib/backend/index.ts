// The UI's one door to the desktop shell. Components take the `Backend` from Svelte context
// (`useBackend()`, see context.ts) and never import `@tauri-apps/*` or the Tauri backend
// themselves: App.svelte provides the Tauri one, tests hand the UI an in-memory one (fake.ts).
//
//   const backend = useBackend();
//   const drafts = await backend.call("list_drafts", { query: { search: "渡口", limit: 50, offset: 0 } });
//   const off = await backend.listen(EVENT.publish, (event) => …);
//
// Every command, its arguments and its result are declared once, in the contract generated
// from the shell (bindings/contract.ts). Every call rejects with a `BackendError` carrying the
// engine's `{code, message}`.
import type { CommandName, Commands, Events } from "./bindings/contract";

export { BackendError } from "./errors";
export {
  BY_HAND,
  EVENT,
  FEED_IMAGE_SCHEME,
  IMAGE_EXTENSIONS,
  MEDIA_SCHEME,
  NETWORKS,
  X_DEFAULT_PORT,
  X_PRICES,
} from "./bindings/contract";
export type { CommandName, Commands, ErrorCode, Events } from "./bindings/contract";
export type { About } from "./bindings/About";
export type { Account } from "./bindings/Account";
export type { AccountState } from "./bindings/AccountState";
export type { AccountZone } from "./bindings/AccountZone";
export type { AddBluesky } from "./bindings/AddBluesky";
export type { AddedAccount } from "./bindings/AddedAccount";
export type { AddedNostr } from "./bindings/AddedNostr";
export type { AddNostr } from "./bindings/AddNostr";
export type { AddS3Host } from "./bindings/AddS3Host";
export type { AddTelegram } from "./bindings/AddTelegram";
export type { AddThreads } from "./bindings/AddThreads";
export type { AppSettings } from "./bindings/AppSettings";
export type { Attachment } from "./bindings/Attachment";
export type { AttachOutcome } from "./bindings/AttachOutcome";
export type { DatabaseStatus } from "./bindings/DatabaseStatus";
export type { Draft } from "./bindings/Draft";
export type { DraftContent } from "./bindings/DraftContent";
export type { DraftEdit } from "./bindings/DraftEdit";
export type { DraftSummary } from "./bindings/DraftSummary";
export type { EnglishHint } from "./bindings/EnglishHint";
export type { ErrorPayload } from "./bindings/ErrorPayload";
export type { ExportedKit } from "./bindings/ExportedKit";
export type { FeedEvent } from "./bindings/FeedEvent";
export type { FeedGap } from "./bindings/FeedGap";
export type { FeedItem } from "./bindings/FeedItem";
export type { FeedSettings } from "./bindings/FeedSettings";
export type { FeedSource } from "./bindings/FeedSource";
export type { FeedTwin } from "./bindings/FeedTwin";
export type { Fit } from "./bindings/Fit";
export type { Focus } from "./bindings/Focus";
export type { GapReport } from "./bindings/GapReport";
export type { HashtagHint } from "./bindings/HashtagHint";
export type { Highlight } from "./bindings/Highlight";
export type { Hints } from "./bindings/Hints";
export type { HintWarning } from "./bindings/HintWarning";
export type { Instant } from "./bindings/Instant";
export type { ItemAuthor } from "./bindings/ItemAuthor";
export type { ItemSource } from "./bindings/ItemSource";
export type { JobStatus } from "./bindings/JobStatus";
export type { KitToTelegram } from "./bindings/KitToTelegram";
export type { LanHandoff } from "./bindings/LanHandoff";
export type { LanPage } from "./bindings/LanPage";
export type { LanPageState } from "./bindings/LanPageState";
export type { ListQuery } from "./bindings/ListQuery";
export type { LocalePreference } from "./bindings/LocalePreference";
export type { Looked } from "./bindings/Looked";
export type { MarkPublished } from "./bindings/MarkPublished";
export type { MastodonSignInView } from "./bindings/MastodonSignInView";
export type { Measurement } from "./bindings/Measurement";
export type { MediaHost } from "./bindings/MediaHost";
export type { MediaServerProtocol } from "./bindings/MediaServerProtocol";
export type { Mismatch } from "./bindings/Mismatch";
export type { Network } from "./bindings/Network";
export type { NetworkCheck } from "./bindings/NetworkCheck";
export type { NetworkLimits } from "./bindings/NetworkLimits";
export type { NetworkOverride } from "./bindings/NetworkOverride";
export type { NewDraft } from "./bindings/NewDraft";
export type { NewSchedule } from "./bindings/NewSchedule";
export type { NostrMediaServer } from "./bindings/NostrMediaServer";
export type { NoteHint } from "./bindings/NoteHint";
export type { Person } from "./bindings/Person";
export type { PersonAuthor } from "./bindings/PersonAuthor";
export type { Platform } from "./bindings/Platform";
export type { PostCost } from "./bindings/PostCost";
export type { Preview } from "./bindings/Preview";
export type { PreviewSpan } from "./bindings/PreviewSpan";
export type { ProviderChange } from "./bindings/ProviderChange";
export type { ProviderConfig } from "./bindings/ProviderConfig";
export type { ProviderInput } from "./bindings/ProviderInput";
export type { ProviderKind } from "./bindings/ProviderKind";
export type { PublishEvent } from "./bindings/PublishEvent";
export type { PublishRequest } from "./bindings/PublishRequest";
export type { QueueSlot } from "./bindings/QueueSlot";
export type { Reach } from "./bindings/Reach";
export type { RednoteExport } from "./bindings/RednoteExport";
export type { RefreshReport } from "./bindings/RefreshReport";
export type { RefreshStarted } from "./bindings/RefreshStarted";
export type { Relay } from "./bindings/Relay";
export type { ReplyTarget } from "./bindings/ReplyTarget";
export type { Revision } from "./bindings/Revision";
export type { RevisionKind } from "./bindings/RevisionKind";
export type { RevisionSummary } from "./bindings/RevisionSummary";
export type { SaveOutcome } from "./bindings/SaveOutcome";
export type { Schedule } from "./bindings/Schedule";
export type { ScheduleFilter } from "./bindings/ScheduleFilter";
export type { SchedulerEvent } from "./bindings/SchedulerEvent";
export type { SchedulerStatus } from "./bindings/SchedulerStatus";
export type { ScheduleState } from "./bindings/ScheduleState";
export type { ScheduleTarget } from "./bindings/ScheduleTarget";
export type { SentKit } from "./bindings/SentKit";
export type { ServerCopy } from "./bindings/ServerCopy";
export type { ServerCopyState } from "./bindings/ServerCopyState";
export type { Settle } from "./bindings/Settle";
export type { Snippet } from "./bindings/Snippet";
export type { SourceHealth } from "./bindings/SourceHealth";
export type { SourceKind } from "./bindings/SourceKind";
export type { Span } from "./bindings/Span";
export type { SpanKind } from "./bindings/SpanKind";
export type { StartMastodon } from "./bindings/StartMastodon";
export type { StartX } from "./bindings/StartX";
export type { Target } from "./bindings/Target";
export type { TargetEvent } from "./bindings/TargetEvent";
export type { TargetPreview } from "./bindings/TargetPreview";
export type { TargetState } from "./bindings/TargetState";
export type { TargetStatus } from "./bindings/TargetStatus";
export type { ThemePreference } from "./bindings/ThemePreference";
export type { Translated } from "./bindings/Translated";
export type { Variant } from "./bindings/Variant";
export type { VariantCheckRequest } from "./bindings/VariantCheckRequest";
export type { WallTimeCheck } from "./bindings/WallTimeCheck";
export type { WordHint } from "./bindings/WordHint";
export type { XSignInStarted } from "./bindings/XSignInStarted";
export type { XSignInView } from "./bindings/XSignInView";

/** What command `K` answers with. */
export type Result<K extends CommandName> = Commands[K]["result"];

/** Command `K`'s arguments; a command without any is called with none (`call("list_accounts")`). */
export type ArgsOf<K extends CommandName> =
  Record<string, never> extends Commands[K]["args"]
    ? [args?: Commands[K]["args"]]
    : [args: Commands[K]["args"]];

/** What the window does with files dragged over it. */
export type DropEvent =
  | { kind: "enter"; paths: string[] }
  | { kind: "leave" }
  | { kind: "drop"; paths: string[] };

export type Unlisten = () => void;

export interface Backend {
  /** Invokes one of the shell's commands (src-tauri/src/commands/). */
  call<K extends CommandName>(name: K, ...args: ArgsOf<K>): Promise<Result<K>>;
  /** Follows one of the shell's events until the returned function is called. */
  listen<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): Promise<Unlisten>;

  /** The image picker; resolves to no paths when the user cancels. */
  pickImages(title: string, filterName: string): Promise<string[]>;
  /** The folder picker; resolves to null when the user cancels. */
  pickFolder(title: string): Promise<string | null>;
  /** A URL the webview can show for an attachment's stored copy. */
  mediaUrl(storedName: string): string;
  /** A URL the webview can show for a feed item's avatar or n-th image (the engine fetches it). */
  feedImageUrl(itemId: number, which: "avatar" | number): string;
  onFileDrop(handler: (event: DropEvent) => void): Promise<Unlisten>;
}
