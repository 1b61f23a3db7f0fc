// The log folder's place is shown as the shell answers it, the button opens it, and a refusal
// is said.
import { describe, expect, it } from "vitest";
import { BackendError } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import LogFolderSetting from "./LogFolderSetting.svelte";

describe("LogFolderSetting", () => {
  it("shows the folder and opens it", async () => {
    setLocalePreference("zh-Hans");
    const fake = new FakeBackend({
      log_folder: () => "/home/mei/.local/share/Ferry/logs",
      open_log_folder: () => undefined,
    });
    const host = show(LogFolderSetting, fake);
    await settle();
    const folder = host.querySelector("[data-testid=setting-log-folder]");
    expect(folder?.textContent).toBe("/home/mei/.local/share/Ferry/logs");
    const button = host.querySelector("[data-testid=setting-open-logs]") as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe("打开日志文件夹");
    button.click();
    await settle();
    expect(fake.called("open_log_folder")).toHaveLength(1);
    expect(host.querySelector("[role=alert]")).toBeNull();
  });

  it("says why the folder could not be opened", async () => {
    setLocalePreference("en");
    const fake = new FakeBackend({
      log_folder: () => "/data/logs",
      open_log_folder: () => {
        throw new BackendError({
          code: "app.open_folder",
          message: "could not open the folder /data/logs: no file manager",
        });
      },
    });
    const host = show(LogFolderSetting, fake);
    await settle();
    (host.querySelector("[data-testid=setting-open-logs]") as HTMLButtonElement).click();
    await settle();
    expect(host.querySelector("[role=alert]")?.textContent).toContain("no file manager");
  });
});
