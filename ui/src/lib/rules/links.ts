// How a preview shows a link: X and Mastodon count every link as 23 and show it shortened
// (no scheme, no `www.`, cut with an ellipsis), so the preview does the same; where a link
// counts in full (Bluesky, Threads …) it is shown as written.
//
//   shownLink("https://www.example.com/a/very/long/path", 23) → "example.com/a/very/lon…"

const SHORTENED = 23;

export function shownLink(url: string, counted: number | null): string {
  const full = [...url].length;
  if (counted === null || counted >= full) return url;
  const bare = url.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
  const chars = [...bare];
  return chars.length <= SHORTENED ? bare : `${chars.slice(0, SHORTENED - 1).join("")}…`;
}
