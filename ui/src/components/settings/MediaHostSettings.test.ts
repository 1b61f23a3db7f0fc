// Settings → Media host under a fake shell: set up from the form ("Checking the bucket…" while
// the engine writes and reads back its file), typos named offline, the engine's refusal with
// its code, the host in use replaced or removed (on a second click), and "Delete pictures after
// posting": off unless ticked in the form, changed at once on the host in use.
import { describe, expect, it } from "vitest";
import { BackendError, type MediaHost } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import MediaHostSettings from "./MediaHostSettings.svelte";

const find = <E extends Element = HTMLElement>(host: HTMLElement, testid: string) =>
  host.querySelector(`[data-testid=${testid}]`) as E | null;

function type(host: HTMLElement, testid: string, value: string) {
  const input = find<HTMLInputElement>(host, testid)!;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

const R2: MediaHost = {
  id: "0190-host",
  kind: "s3",
  endpoint: "https://acc123.r2.cloudflarestorage.com",
  bucket: "notes",
  region: "auto",
  publicUrl: "https://pub-1234.r2.dev",
  deleteAfterPost: false,
  createdAt: "2026-05-01T08:00:00Z",
};

function fill(host: HTMLElement) {
  type(host, "media-host-endpoint", "https://acc123.r2.cloudflarestorage.com/notes");
  type(host, "media-host-region", "auto");
  type(host, "media-host-public-url", "https://pub-1234.r2.dev/");
  type(host, "media-host-key-id", "AKIA1");
  type(host, "media-host-secret", "s3cr3t");
}

async function open(fake: FakeBackend, locale: "en" | "zh-Hans" = "en"): Promise<HTMLElement> {
  setLocalePreference(locale);
  const host = show(MediaHostSettings, fake);
  await settle();
  return host;
}

describe("MediaHostSettings", () => {
  it("sets a host up: checking while the engine tries the bucket, then shows it", async () => {
    let answer: (host: MediaHost) => void = () => undefined;
    const fake = new FakeBackend({
      get_media_host: () => null,
      add_s3_media_host: () => new Promise<MediaHost>((resolve) => (answer = resolve)),
    });
    const host = await open(fake);
    expect(find(host, "media-host")?.textContent).toContain("Nostr notes link their pictures from a public address.");
    expect(find(host, "media-host-current")).toBeNull();
    const secret = find<HTMLInputElement>(host, "media-host-secret")!;
    expect(secret.type).toBe("password");
    // Enter in any field submits: they all sit in the form with its submit button.
    expect(secret.form?.querySelector("button[type=submit]")).toBe(find(host, "media-host-save"));
    expect(find<HTMLInputElement>(host, "media-host-region")?.placeholder).toBe("auto or us-east-1");

    fill(host);
    find(host, "media-host-save")!.click();
    await settle();
    expect(fake.called("add_s3_media_host")).toEqual([
      {
        add: {
          endpoint: "https://acc123.r2.cloudflarestorage.com",
          bucket: "notes",
          region: "auto",
          publicUrl: "https://pub-1234.r2.dev",
          accessKeyId: "AKIA1",
          secretAccessKey: "s3cr3t",
          deleteAfterPost: false,
        },
      },
    ]);
    expect(find(host, "media-host-checking")?.textContent).toBe("Checking the bucket…");
    expect(find<HTMLButtonElement>(host, "media-host-save")?.disabled).toBe(true);

    answer(R2);
    await settle();
    const current = find(host, "media-host-current")!.textContent!;
    expect(current).toContain("notes");
    expect(current).toContain("https://acc123.r2.cloudflarestorage.com");
    expect(current).toContain("https://pub-1234.r2.dev");
    expect(current).not.toContain("s3cr3t");
    expect(find(host, "media-host-form")).toBeNull();
  });

  it("offers deleting pictures after posting, off until ticked, and sends the choice", async () => {
    const fake = new FakeBackend({
      get_media_host: () => null,
      add_s3_media_host: ({ add }) => ({ ...R2, deleteAfterPost: add.deleteAfterPost }),
    });
    const host = await open(fake);
    const box = find<HTMLInputElement>(host, "media-host-delete-after-post")!;
    expect(box.type).toBe("checkbox");
    expect(box.checked).toBe(false);
    expect(box.closest("label")?.textContent?.trim()).toBe("Delete pictures after posting");
    expect(document.getElementById(box.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Pictures Threads copies are deleted from the bucket once their posts are done. Pictures a Nostr note links are always kept.",
    );
    fill(host);
    box.click();
    await settle();
    find(host, "media-host-save")!.click();
    await settle();
    expect(fake.called("add_s3_media_host")[0].add.deleteAfterPost).toBe(true);
    expect(find<HTMLInputElement>(host, "media-host-delete-toggle")?.checked).toBe(true);
  });

  it("turns deleting after posting on for the host in use, busy until the engine answers", async () => {
    let answer: () => void = () => undefined;
    const fake = new FakeBackend({
      get_media_host: () => R2,
      set_media_host_delete_after_post: ({ on }) =>
        new Promise<MediaHost>((resolve) => (answer = () => resolve({ ...R2, deleteAfterPost: on }))),
    });
    const host = await open(fake);
    const box = find<HTMLInputElement>(host, "media-host-delete-toggle")!;
    expect(box.checked).toBe(false);
    expect(find(host, "media-host-current")?.textContent).toContain("Pictures a Nostr note links are always kept.");
    box.focus();
    box.click();
    await settle();
    expect(fake.called("set_media_host_delete_after_post")).toEqual([{ on: true }]);
    expect(find(host, "media-host-delete-saving")?.textContent).toBe("Saving…");
    expect(box.disabled).toBe(true);
    expect(find<HTMLButtonElement>(host, "media-host-replace")?.disabled).toBe(true);

    answer();
    await settle();
    expect(find(host, "media-host-delete-saving")).toBeNull();
    expect(box.disabled).toBe(false);
    expect(box.checked).toBe(true);
    expect(document.activeElement).toBe(box);
    expect(find(host, "accounts-error")).toBeNull();
  });

  it("says why the engine refused the change, and the box goes back", async () => {
    const fake = new FakeBackend({
      get_media_host: () => ({ ...R2, deleteAfterPost: true }),
      set_media_host_delete_after_post: () => {
        throw new BackendError({ code: "db.locked", message: "the database is busy; try again in a moment" });
      },
    });
    const host = await open(fake);
    const box = find<HTMLInputElement>(host, "media-host-delete-toggle")!;
    expect(box.checked).toBe(true);
    box.click();
    await settle();
    expect(fake.called("set_media_host_delete_after_post")).toEqual([{ on: false }]);
    const error = find(host, "media-host-current")!.querySelector("[data-testid=accounts-error]") as HTMLElement;
    expect(error.dataset.code).toBe("db.locked");
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.textContent).toContain("the database is busy");
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(false);
    expect(find(host, "media-host-delete-saving")).toBeNull();
  });

  it("names mistakes next to their fields and sends nothing", async () => {
    const fake = new FakeBackend({ get_media_host: () => null });
    const host = await open(fake);
    type(host, "media-host-endpoint", "http://minio.lan:9000");
    type(host, "media-host-bucket", "My_Bucket");
    find(host, "media-host-save")!.click();
    await settle();
    const said = [...host.querySelectorAll("small.bad")].map((e) => e.textContent);
    expect(said).toEqual([
      "Use the https:// address: plain http:// only to this computer (localhost)",
      "A bucket name is 3 to 63 lowercase letters, digits, hyphens or dots",
      "Give the address the bucket's objects are publicly read from, e.g. https://pub-….r2.dev",
      "Give the access key id",
      "Give the secret access key",
    ]);
    expect(document.activeElement).toBe(find(host, "media-host-endpoint"));
    expect(find(host, "media-host-endpoint")?.getAttribute("aria-invalid")).toBe("true");
    expect(fake.called("add_s3_media_host")).toEqual([]);
  });

  it("shows the engine's refusal with its code and keeps the form", async () => {
    const fake = new FakeBackend({
      get_media_host: () => null,
      add_s3_media_host: () => {
        throw new BackendError({
          code: "net.rejected",
          message: "the public address answered 403: make the bucket's objects publicly readable",
        });
      },
    });
    const host = await open(fake);
    fill(host);
    find(host, "media-host-save")!.click();
    await settle();
    const error = find(host, "media-host-error")!;
    expect(error.dataset.code).toBe("net.rejected");
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.textContent).toContain("publicly readable");
    expect(find(host, "media-host-current")).toBeNull();
    expect(find(host, "media-host-checking")).toBeNull();
    expect(find<HTMLButtonElement>(host, "media-host-save")?.disabled).toBe(false);
  });

  it("replaces the host from its addresses, never its keys, and can go back", async () => {
    const fake = new FakeBackend({
      get_media_host: () => R2,
      add_s3_media_host: ({ add }) => ({ ...R2, id: "0190-new", bucket: add.bucket }),
    });
    const host = await open(fake, "zh-Hans");
    expect(find(host, "media-host-replace")?.textContent?.trim()).toBe("替换…");
    find(host, "media-host-replace")!.click();
    await settle();
    expect(find<HTMLInputElement>(host, "media-host-endpoint")?.value).toBe(R2.endpoint);
    expect(find<HTMLInputElement>(host, "media-host-bucket")?.value).toBe("notes");
    expect(find<HTMLInputElement>(host, "media-host-public-url")?.value).toBe(R2.publicUrl);
    expect(find<HTMLInputElement>(host, "media-host-key-id")?.value).toBe("");
    expect(find<HTMLInputElement>(host, "media-host-secret")?.value).toBe("");
    expect(document.activeElement).toBe(find(host, "media-host-endpoint"));

    find(host, "media-host-cancel")!.click();
    await settle();
    expect(find(host, "media-host-current")).not.toBeNull();
    expect(document.activeElement).toBe(find(host, "media-host-replace"));

    find(host, "media-host-replace")!.click();
    await settle();
    type(host, "media-host-bucket", "pictures");
    type(host, "media-host-key-id", "AKIA2");
    type(host, "media-host-secret", "n3w");
    find(host, "media-host-save")!.click();
    await settle();
    expect(fake.called("add_s3_media_host")[0].add).toMatchObject({ bucket: "pictures", accessKeyId: "AKIA2" });
    expect(find(host, "media-host-current")?.textContent).toContain("pictures");
  });

  it("removes the host on a second click, then offers the form", async () => {
    const fake = new FakeBackend({ get_media_host: () => R2, remove_media_host: () => true });
    const host = await open(fake);
    const remove = find<HTMLButtonElement>(host, "media-host-remove")!;
    expect(remove.textContent?.trim()).toBe("Remove");
    remove.click();
    await settle();
    expect(remove.textContent?.trim()).toBe("Remove the host and its keys");
    expect(fake.called("remove_media_host")).toEqual([]);
    remove.click();
    await settle();
    expect(fake.called("remove_media_host")).toHaveLength(1);
    expect(find(host, "media-host-current")).toBeNull();
    expect(find(host, "media-host-form")).not.toBeNull();
    expect(find(host, "media-host-cancel")).toBeNull();
  });

  it("says why the host could not be read", async () => {
    const fake = new FakeBackend({
      get_media_host: () => {
        throw new BackendError({ code: "db.not_open", message: "the database is not open" });
      },
    });
    const host = await open(fake);
    expect(find(host, "media-host-error")?.dataset.code).toBe("db.not_open");
    expect(find(host, "media-host-form")).toBeNull();
  });
});
