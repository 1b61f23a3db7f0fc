// English text of the first-run welcome, merged into en.ts.
export const welcomeEn = {
  "welcome.title": "Welcome to Ferry 渡",
  "welcome.language": "Which language should Ferry speak? You can change it later in Settings.",
  "welcome.private":
    "Your drafts live on this computer, in {dir}. Nothing leaves it until you add an account and post.",
  "welcome.privateNoDir": "Your drafts live on this computer. Nothing leaves it until you add an account and post.",
  "welcome.next": "Next",
  "welcome.account":
    "Add the first account you post to (Bluesky, Mastodon, Nostr, Threads or a Telegram channel), or skip and start writing. Accounts are kept in your system's keychain.",
  "welcome.addAccount": "Add an account",
  "welcome.skip": "Skip",
  "welcome.finishing": "Opening the composer…",
  "welcome.failed": "Could not finish: {message}",
};
