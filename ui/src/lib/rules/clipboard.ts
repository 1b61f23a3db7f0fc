// Copying the RedNote kit's fields. The async Clipboard API is the way; WebKitGTK only offers
// it in a secure context and after a user gesture, so if it is missing or refuses, the text
// goes through a hidden textarea and `execCommand("copy")`, which WebKit still honours inside
// the click handler. Focus returns to where it was.

export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Refused (no permission, not focused): try the older way below.
    }
  }
  copyThroughSelection(text);
}

function copyThroughSelection(text: string): void {
  const before = document.activeElement as HTMLElement | null;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  before?.focus();
  if (!copied) throw new Error("the system clipboard refused the text");
}
