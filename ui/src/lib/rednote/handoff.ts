// Getting the RedNote kit to the phone without a cable: sent to the writer's own Telegram chat
// through their bot, or served on a one-time page on the local network that the phone opens
// from a QR code. What the kit's hand-off controls compute, kept apart from the components so
// it is tested on its own.
import type { Account, LanPageState } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

/** What the composer gives the kit so it can hand the stored draft over. */
export type KitHandoff = {
  /** The open draft's id (null: never saved). Another id means another draft is open. */
  readonly draftId: string | null;
  /** Saves what was just typed (the engine reads the stored draft) and answers its id. */
  prepare: () => Promise<string | null>;
};

/**
 * The QR code as an image address. The SVG comes from the engine, but it goes into an
 * `<img>`, never into the DOM as markup, so nothing in it can run or reach the page; `btoa`
 * takes bytes, hence the UTF-8 encoding first.
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = "";
  // In slices: spreading a whole large array into fromCharCode overflows the call stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Whole seconds left until `expiresAt` (rounded up, so 10:00 shows at the start), never below 0. */
export function secondsLeft(expiresAt: string, now: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** `mm:ss`, minutes not wrapped at an hour. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The state to show: the engine's, except that a page whose time is up is expired at once,
 * not up to one poll later.
 */
export function shownState(state: LanPageState, secondsLeftNow: number): LanPageState {
  return secondsLeftNow <= 0 && state !== "none" ? "expired" : state;
}

const STATE_LABELS: Record<LanPageState, MessageKey> = {
  none: "rednote.qr.stateNone",
  waiting: "rednote.qr.stateWaiting",
  opened: "rednote.qr.stateOpened",
  expired: "rednote.qr.stateExpired",
};

export function stateLabel(state: LanPageState): MessageKey {
  return STATE_LABELS[state];
}

/** The accounts the kit can go to: Telegram ones (the writer's own chat with their bot). */
export function telegramAccounts(accounts: readonly Account[]): Account[] {
  return accounts.filter((a) => a.network === "telegram");
}

/** How an account is named in the "send to" choice: its name and handle, or just one. */
export function accountLabel(account: Pick<Account, "handle" | "displayName">): string {
  const name = account.displayName.trim();
  const handle = account.handle.trim();
  if (!name || name === handle) return handle || name;
  if (!handle) return name;
  return `${name} (${handle})`;
}

/**
 * The hand-off for the composer's draft session. `session` is read on each use: the composer
 * may be handed another session, and the id appears once a new draft is first saved.
 */
export function sessionHandoff(
  session: () => { readonly id: string | null; flush(): Promise<void> },
): KitHandoff {
  return {
    get draftId() {
      return session().id;
    },
    async prepare() {
      const current = session();
      await current.flush();
      return current.id;
    },
  };
}
