// English text of the RedNote kit's hand-offs to the phone (the writer's Telegram chat, the
// QR code of a page on the local network), merged into en.ts.
export const handoffEn = {
  "rednote.telegram.send": "Send to my Telegram",
  "rednote.telegram.sending": "Sending…",
  "rednote.telegram.account": "Telegram account to send to",
  "rednote.telegram.help":
    "Sends the text, then the pictures as files (1080×1440, not recompressed), to this account's chat: your own chat with your bot.",
  "rednote.telegram.sent": "Sent to {chat} ({count} messages).",
  "rednote.telegram.chatHint":
    "The chat should be your own chat with your bot: open the bot in Telegram and press Start, then add it under Accounts with your numeric user id as the chat.",
  "rednote.qr.explain":
    "Ferry serves this note on your local network for 10 minutes, for one phone; the phone must be on the same Wi-Fi.",
  "rednote.qr.start": "Show a QR code for the phone",
  "rednote.qr.starting": "Preparing…",
  "rednote.qr.again": "Make a new code",
  "rednote.qr.alt": "QR code of the page's address",
  "rednote.qr.scan": "Scan it with the phone's camera: the text and {count} pictures.",
  "rednote.qr.address": "Address",
  "rednote.qr.timeLeft": "Time left",
  "rednote.qr.stateNone": "No longer served — make a new code",
  "rednote.qr.stateWaiting": "Waiting for the phone…",
  "rednote.qr.stateOpened": "Opened on the phone ✓",
  "rednote.qr.stateExpired": "Expired — make a new code",
  "rednote.qr.stop": "Stop",
} as const;
