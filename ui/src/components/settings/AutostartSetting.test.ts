// The login switch shows what the shell answers (the OS entry), and its refusal.
import { flushSync, mount, tick, unmount } from "svelte";
import { afterEach, describe, expect, it } from "vitest";
import { BackendError } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import AutostartSetting from "./AutostartSetting.svelte";

let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

async function show(fake: FakeBackend): Promise<HTMLInputElement> {
  setLocalePreference("en");
  const host = document.body.appendChild(document.createElement("div"));
  mounted.push(mount(AutostartSetting, { target: host, context: new Map(backendContext(fake)) }));
  await tick();
  await new Promise((r) => setTimeout(r, 0));
  flushSync();
  return host.querySelector("[data-testid=setting-autostart]") as HTMLInputElement;
}

describe("AutostartSetting", () => {
  it("turns starting at login on and shows the entry as the shell reads it back", async () => {
    let entry = false;
    const fake = new FakeBackend({
      autostart_enabled: () => entry,
      set_autostart: ({ on }) => {
        entry = on;
        return entry;
      },
    });
    const box = await show(fake);
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(false);
    box.click();
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
    expect(fake.called("set_autostart")).toEqual([{ on: true }]);
    expect(box.checked).toBe(true);
  });

  it("says why when the OS refuses, and stays off", async () => {
    const fake = new FakeBackend({
      autostart_enabled: () => false,
      set_autostart: () => {
        throw new BackendError({ code: "app.autostart", message: "could not change starting Ferry at login: denied" });
      },
    });
    const box = await show(fake);
    box.click();
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
    expect(document.querySelector("[role=alert]")?.textContent).toContain("denied");
    expect(box.checked).toBe(false);
  });
});
