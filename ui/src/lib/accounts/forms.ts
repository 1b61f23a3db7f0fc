// Checks the add-account forms before anything is sent, so a typo is named next to its field
// instead of coming back as a network error. The engine checks again (and the server has the
// last word on passwords and codes); these only catch what is knowable offline.
//
//   const errors = checkBluesky({ pdsUrl, identifier, password });
//   if (Object.keys(errors).length === 0) await publishing.addBluesky(...)
import { X_DEFAULT_PORT, type Account, type AddTelegram, type AddThreads, type Relay, type StartX, type Target } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

export const DEFAULT_PDS = "https://bsky.social";

/** Field name → the message to show under it. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/**
 * `mastodon.social` → `https://mastodon.social`; keeps `http://` (local servers). Returns null
 * for what can't be a server address.
 */
export function serverUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (!url.hostname || /\s/.test(trimmed)) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function checkBluesky(form: { pdsUrl: string; identifier: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!serverUrl(form.pdsUrl)) errors.pdsUrl = "accounts.error.server";
  const id = form.identifier.trim().replace(/^@/, "");
  if (!id) errors.identifier = "accounts.error.identifier";
  else if (!id.includes("@") && !id.includes(".")) errors.identifier = "accounts.error.handle";
  if (!form.password) errors.password = "accounts.error.password";
  return errors;
}

export function checkMastodon(form: { instance: string }): FieldErrors {
  return serverUrl(form.instance) ? {} : { instance: "accounts.error.server" };
}

/** `nsec1…` (bech32) or 64 hex digits; anything else is refused before the keychain sees it. */
export function checkNostrKey(key: string): MessageKey | null {
  const text = key.trim();
  if (/^nsec1[02-9ac-hj-np-z]{58}$/i.test(text)) return null;
  if (/^[0-9a-f]{64}$/i.test(text)) return null;
  return "accounts.error.nostrKey";
}

/** Relays need `ws://` or `wss://`, a read or write mark each, and one to write to. */
export function checkRelays(relays: readonly Relay[]): FieldErrors {
  const errors: FieldErrors = {};
  const used = relays.filter((r) => r.url.trim());
  used.forEach((relay) => {
    const i = relays.indexOf(relay);
    if (!/^wss?:\/\/[^\s/]+/i.test(relay.url.trim())) errors[`relay${i}`] = "accounts.error.relayUrl";
    else if (!relay.read && !relay.write) errors[`relay${i}`] = "accounts.error.relayUse";
  });
  if (!used.some((r) => r.write)) errors.relays = "accounts.error.relayWrite";
  return errors;
}

/** The relays worth sending: non-empty addresses, trimmed. */
export function cleanRelays(relays: readonly Relay[]): Relay[] {
  return relays.filter((r) => r.url.trim()).map((r) => ({ ...r, url: r.url.trim() }));
}

/** Telegram's own Bot API server, which an empty "Bot API server" field means. */
export const TELEGRAM_API = "https://api.telegram.org";

export type TelegramFields = { token: string; chat: string; apiUrl: string };

/**
 * The same shapes the engine accepts: a token is digits, a colon and at least 20 letters,
 * digits, `-` or `_`; a chat is a numeric id or a public username (4–32 characters, a letter
 * first), bare, with `@` or as a t.me link. Whether the bot may post there only Telegram knows.
 */
export function checkTelegram(form: TelegramFields): FieldErrors {
  const errors: FieldErrors = {};
  const token = form.token.trim();
  if (!token) errors.token = "accounts.error.token";
  else if (!/^\d+:[A-Za-z0-9_-]{20,}$/.test(token)) errors.token = "accounts.error.tokenShape";
  const chat = form.chat.trim();
  if (!chat) errors.chat = "accounts.error.chat";
  else if (!isChatRef(chat)) errors.chat = "accounts.error.chatShape";
  if (form.apiUrl.trim() && !botApiUrl(form.apiUrl)) errors.apiUrl = "accounts.error.apiUrl";
  return errors;
}

function isChatRef(chat: string): boolean {
  if (/^[+-]?\d+$/.test(chat)) return true;
  const name = chat.replace(/^https?:\/\//, "").replace(/^(t|telegram)\.me\//, "").replace(/^@/, "").replace(/\/$/, "");
  return /^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(name);
}

/**
 * A Bot API (or Threads API) server address with its path kept (a local `telegram-bot-api`
 * may sit under one); `https://` is assumed when no scheme is given. Null for what can't be one.
 */
export function botApiUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) return null;
    return withScheme.replace(/\/+$/, "");
  } catch {
    return null;
  }
}

/** What `add_telegram` gets from a checked form: trimmed, an empty server meaning Telegram's. */
export function telegramRequest(form: TelegramFields, audience: string[]): AddTelegram {
  return { token: form.token.trim(), chat: form.chat.trim(), apiUrl: botApiUrl(form.apiUrl), audience };
}

/**
 * "Sign in again" for a Telegram account re-adds the same chat with a new token: its `@name`
 * (or numeric id for a private chat) and its server unless it is Telegram's. Never the token.
 */
export function telegramPrefill(account: Account): { chat: string; apiUrl: string } {
  const chat = account.handle.startsWith("@") ? account.handle : account.remoteId;
  const server = account.serverUrl?.replace(/\/+$/, "") ?? "";
  return { chat, apiUrl: server === TELEGRAM_API ? "" : server };
}

/** Meta's Threads API server, which an empty "Threads API server" field means. */
export const THREADS_API = "https://graph.threads.net";

export type ThreadsFields = { token: string; apiUrl: string };

/**
 * The token shape the engine accepts: at least 20 letters, digits, `_` or `-` with nothing
 * between them (a real one is `THAA…`, some 200 long). A pasted address, numeric id (the
 * user's or the app's, both on the same dashboard) or @username is named as such. Whether
 * the token is alive and may publish only Meta knows.
 */
export function checkThreads(form: ThreadsFields): FieldErrors {
  const errors: FieldErrors = {};
  const token = form.token.trim();
  if (!token) errors.token = "accounts.error.threadsToken";
  else if (isAddress(token)) errors.token = "accounts.error.threadsTokenUrl";
  else if (/^\d+$|^@[\w.]+$/.test(token)) errors.token = "accounts.error.threadsTokenId";
  else if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) errors.token = "accounts.error.threadsTokenShape";
  if (form.apiUrl.trim() && !botApiUrl(form.apiUrl)) errors.apiUrl = "accounts.error.threadsApiUrl";
  return errors;
}

/** `https://threads.net/@name`, `threads.com/@name`, `developers.facebook.com/apps/…`. */
function isAddress(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[\w-]+(\.[\w-]+)+(\/|$)/.test(text);
}

/** What `add_threads` gets from a checked form: trimmed, an empty server meaning Meta's. */
export function threadsRequest(form: ThreadsFields, audience: string[]): AddThreads {
  return { token: form.token.trim(), apiUrl: botApiUrl(form.apiUrl), audience };
}

/**
 * "Sign in again" for a Threads account re-adds it with a new token: only its server, unless
 * it is Meta's, carries over (the token never does; the token says whose account it is).
 */
export function threadsPrefill(account: Account): { apiUrl: string } {
  const server = account.serverUrl?.replace(/\/+$/, "") ?? "";
  return { apiUrl: server === THREADS_API ? "" : server };
}

/** The loopback port Ferry listens on for X's answer unless told otherwise (from the engine). */
export const X_PORT = X_DEFAULT_PORT;

/** `port` is what the number field holds: null when emptied, which means the default. */
export type XFields = { clientId: string; clientSecret: string; port: number | null; apiUrl?: string };

/** X matches the callback exactly, port included, so this is what the app must list. */
export function xCallback(port: number | null): string {
  return `http://127.0.0.1:${port ?? X_PORT}/callback`;
}

/**
 * The Client ID shape the engine accepts: 10–100 letters, digits, `_` or `-` (X's are 34). A
 * pasted Developer Console address is named as such; the API Key or client secret can't be
 * told apart offline, so X says so at sign-in. Ports below 1024 need privileges Ferry lacks.
 */
export function checkX(form: XFields): FieldErrors {
  const errors: FieldErrors = {};
  const id = form.clientId.trim();
  if (!id) errors.clientId = "accounts.error.xClientId";
  else if (isAddress(id)) errors.clientId = "accounts.error.xClientIdUrl";
  else if (!/^[A-Za-z0-9_-]{10,100}$/.test(id)) errors.clientId = "accounts.error.xClientIdShape";
  const port = form.port;
  if (port !== null && !(Number.isInteger(port) && port >= 1024 && port <= 65535)) errors.port = "accounts.error.xPort";
  return errors;
}

/** What `start_x_sign_in` gets from a checked form: trimmed, an empty secret meaning none. */
export function xRequest(form: XFields, audience: string[]): StartX {
  const secret = form.clientSecret.trim();
  const api = form.apiUrl?.trim() ?? "";
  return {
    clientId: form.clientId.trim(),
    clientSecret: secret || null,
    port: form.port,
    // Another X server (a test one) serves its consent page beside its API, as one address.
    apiUrl: api || null,
    authorizeUrl: api ? `${api.replace(/\/+$/, "")}/i/oauth2/authorize` : null,
    audience,
  };
}

/**
 * "Post now"'s starting choice: the accounts the draft names, and for a network chip without
 * an account every active account on that network — except X's, which charge the person's
 * app for every post, so only an X account the draft names by id starts checked.
 */
export function defaultAccounts(accounts: readonly Account[], targets: readonly Target[]): string[] {
  const chosen = new Set<string>();
  for (const target of targets) {
    if (target.accountId) {
      if (accounts.some((a) => a.id === target.accountId)) chosen.add(target.accountId);
      continue;
    }
    if (target.network === "x") continue;
    for (const a of accounts) if (a.network === target.network && a.state === "active") chosen.add(a.id);
  }
  return accounts.filter((a) => chosen.has(a.id)).map((a) => a.id);
}
