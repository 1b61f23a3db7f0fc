// The UI's one door to the desktop shell. Components import from here, never from
// `@tauri-apps/*`: that keeps every call typed by the generated bindings and lets tests hand
// the UI another `Backend`.
//
//   import { backend } from "$lib/backend";
//   const drafts = await backend.listDrafts({ search: "渡口", limit: 50, offset: 0 });
//
// Every method rejects with a `BackendError` carrying the engine's `{code, message}`.
import type { AppSettings } from "./bindings/AppSettings";
import type { AttachOutcome } from "./bindings/AttachOutcome";
import type { DatabaseStatus } from "./bindings/DatabaseStatus";
import type { Draft } from "./bindings/Draft";
import type { DraftEdit } from "./bindings/DraftEdit";
import type { DraftSummary } from "./bindings/DraftSummary";
import type { ListQuery } from "./bindings/ListQuery";
import type { NewDraft } from "./bindings/NewDraft";
import type { Revision } from "./bindings/Revision";
import type { RevisionSummary } from "./bindings/RevisionSummary";
import type { SaveOutcome } from "./bindings/SaveOutcome";
import type { NetworkCheck } from "./bindings/NetworkCheck";
import type { VariantCheckRequest } from "./bindings/VariantCheckRequest";
import type { Hints } from "./bindings/Hints";
import type { ProviderChange } from "./bindings/ProviderChange";
import type { ProviderConfig } from "./bindings/ProviderConfig";
import type { ProviderInput } from "./bindings/ProviderInput";
import type { Translated } from "./bindings/Translated";
import { tauriBackend } from "./tauri";

export { BackendError } from "./errors";
export type { AppSettings } from "./bindings/AppSettings";
export type { AttachOutcome } from "./bindings/AttachOutcome";
export type { Attachment } from "./bindings/Attachment";
export type { DatabaseStatus } from "./bindings/DatabaseStatus";
export type { Draft } from "./bindings/Draft";
export type { DraftContent } from "./bindings/DraftContent";
export type { DraftEdit } from "./bindings/DraftEdit";
export type { DraftSummary } from "./bindings/DraftSummary";
export type { ErrorPayload } from "./bindings/ErrorPayload";
export type { Highlight } from "./bindings/Highlight";
export type { ListQuery } from "./bindings/ListQuery";
export type { LocalePreference } from "./bindings/LocalePreference";
export type { NetworkOverride } from "./bindings/NetworkOverride";
export type { NewDraft } from "./bindings/NewDraft";
export type { Revision } from "./bindings/Revision";
export type { RevisionKind } from "./bindings/RevisionKind";
export type { RevisionSummary } from "./bindings/RevisionSummary";
export type { SaveOutcome } from "./bindings/SaveOutcome";
export type { Snippet } from "./bindings/Snippet";
export type { Target } from "./bindings/Target";
export type { ThemePreference } from "./bindings/ThemePreference";
export type { Variant } from "./bindings/Variant";
export type { Hints } from "./bindings/Hints";
export type { WordHint } from "./bindings/WordHint";
export type { EnglishHint } from "./bindings/EnglishHint";
export type { HashtagHint } from "./bindings/HashtagHint";
export type { NoteHint } from "./bindings/NoteHint";
export type { Mismatch } from "./bindings/Mismatch";
export type { HintWarning } from "./bindings/HintWarning";
export type { Span } from "./bindings/Span";
export type { ProviderChange } from "./bindings/ProviderChange";
export type { ProviderConfig } from "./bindings/ProviderConfig";
export type { ProviderInput } from "./bindings/ProviderInput";
export type { ProviderKind } from "./bindings/ProviderKind";
export type { Translated } from "./bindings/Translated";
export type { Measurement } from "./bindings/Measurement";
export type { Network } from "./bindings/Network";
export type { NetworkCheck } from "./bindings/NetworkCheck";
export type { NetworkLimits } from "./bindings/NetworkLimits";
export type { Preview } from "./bindings/Preview";
export type { PreviewSpan } from "./bindings/PreviewSpan";
export type { SpanKind } from "./bindings/SpanKind";
export type { VariantCheckRequest } from "./bindings/VariantCheckRequest";

/** What the window does with files dragged over it. */
export type DropEvent =
  | { kind: "enter"; paths: string[] }
  | { kind: "leave" }
  | { kind: "drop"; paths: string[] };

export type Unlisten = () => void;

export interface Backend {
  /** Opens the database on first use; a failure is reported here, never thrown. */
  databaseStatus(): Promise<DatabaseStatus>;
  /** Tries to open the database again (after closing whatever held the lock). */
  retryDatabase(): Promise<DatabaseStatus>;
  /** Moves a damaged, foreign or too-new database aside and opens a new one. */
  startFresh(): Promise<DatabaseStatus>;

  listDrafts(query: ListQuery): Promise<DraftSummary[]>;
  getDraft(id: string): Promise<Draft>;
  createDraft(draft: NewDraft): Promise<Draft>;
  saveDraft(edit: DraftEdit): Promise<SaveOutcome>;
  /** Deletes a draft with its history (its image files stay in the data folder). */
  deleteDraft(id: string): Promise<void>;
  history(id: string): Promise<RevisionSummary[]>;
  revision(id: string, number: number): Promise<Revision>;
  /** Writes an older revision back as the head, itself a new revision. */
  restoreRevision(id: string, number: number): Promise<SaveOutcome>;
  /** Copies the image at `path` into the data folder and attaches it (a new revision). */
  attachMedia(id: string, path: string): Promise<AttachOutcome>;

  settings(): Promise<AppSettings>;
  /** The OS's preferred languages (BCP-47), as the shell reads them; may be empty. */
  systemLanguages(): Promise<string[]>;
  saveSettings(settings: AppSettings): Promise<AppSettings>;

  /** The image picker; resolves to no paths when the user cancels. */
  pickImages(title: string, filterName: string): Promise<string[]>;
  /** A URL the webview can show for an attachment's stored copy. */
  mediaUrl(storedName: string): string;
  onFileDrop(handler: (event: DropEvent) => void): Promise<Unlisten>;
  /** Runs `beforeClose` (e.g. a last autosave) when the window is asked to close. */
  onCloseRequested(beforeClose: () => Promise<void>): Promise<Unlisten>;

  /** Offline hints for one variant's text (never waits for the dictionaries to load). */
  hints(text: string, variant: string | null): Promise<Hints>;
  /** Chinese text in `target`: `zh-Hans`, `zh-TW` (Taiwan phrasing) or `zh-HK`. */
  convertChinese(text: string, target: string): Promise<string>;
  /** The provider that would translate, or null while machine translation is off. */
  translationStatus(): Promise<ProviderConfig | null>;
  translationProviders(): Promise<ProviderConfig[]>;
  addTranslationProvider(provider: ProviderInput): Promise<ProviderConfig>;
  updateTranslationProvider(id: string, change: ProviderChange): Promise<ProviderConfig>;
  removeTranslationProvider(id: string): Promise<void>;
  translate(text: string, from: string | null, to: string): Promise<Translated>;

  /**
   * One variant measured and previewed on each network the draft targets, by the same rules
   * as `ferry check` (limits: e.g. a Mastodon instance's own; see lib/rules/limits).
   */
  checkVariant(request: VariantCheckRequest): Promise<NetworkCheck[]>;
}

export const backend: Backend = tauriBackend;
