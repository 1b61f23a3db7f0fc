// The engine serves one page at a time (a new one replaces the last), and its state command
// answers for that one page; yet each kit column has its own QR panel. The panel that started
// the page owns it: another panel then neither shows that page's state as its own nor stops it
// when it closes.
//
//   const me = Symbol("qr panel");
//   claimLanPage(me);            // after start_lan_handoff answered
//   if (ownsLanPage(me)) …       // before stopping or showing the state
export const lanPage = $state<{ owner: symbol | null }>({ owner: null });

export function claimLanPage(panel: symbol): void {
  lanPage.owner = panel;
}

export function ownsLanPage(panel: symbol): boolean {
  return lanPage.owner === panel;
}

/** Gives the page up; answers whether `panel` held it (and so should stop it). */
export function releaseLanPage(panel: symbol): boolean {
  if (lanPage.owner !== panel) return false;
  lanPage.owner = null;
  return true;
}
