import { describe, expect, it } from "vitest";
import { checkMediaServer, mediaServerHost } from "./mediaServer";
import { nostrAccount } from "./fixtures";

describe("a media server address", () => {
  it("takes an https or http address, with https assumed", () => {
    expect(checkMediaServer(" https://blossom.example ")).toEqual({ server: "https://blossom.example" });
    expect(checkMediaServer("nostr.build/")).toEqual({ server: "https://nostr.build" });
    expect(checkMediaServer("HTTPS://Blossom.Example:8443/")).toEqual({ server: "https://blossom.example:8443" });
    expect(checkMediaServer("http://127.0.0.1:3000")).toEqual({ server: "http://127.0.0.1:3000" });
  });

  it("keeps a path the server sits under, without its trailing slashes", () => {
    expect(checkMediaServer("https://media.example/blossom//")).toEqual({ server: "https://media.example/blossom" });
  });

  it("asks for an address when there is none", () => {
    expect(checkMediaServer("")).toEqual({ error: "accounts.mediaServer.error.missing" });
    expect(checkMediaServer("   ")).toEqual({ error: "accounts.mediaServer.error.missing" });
  });

  it("says it must be http(s) for anything else", () => {
    for (const bad of [
      "wss://relay.example",
      "ftp://blossom.example",
      "blossom example",
      "https://",
      "https://user:pw@blossom.example",
      "https://blossom.example/?token=1",
      "https://blossom.example/#x",
      "mailto:someone@example.org",
    ]) {
      expect(checkMediaServer(bad), bad).toEqual({ error: "accounts.mediaServer.error.url" });
    }
  });
});

describe("the account's media server host", () => {
  it("is none for the media host, else the server's host and port, whatever its protocol", () => {
    expect(mediaServerHost(nostrAccount())).toBeNull();
    expect(mediaServerHost(nostrAccount({ mediaServer: { protocol: "blossom", url: "" } }))).toBeNull();
    expect(mediaServerHost(nostrAccount({ mediaServer: { protocol: "blossom", url: "https://blossom.example" } }))).toBe(
      "blossom.example",
    );
    expect(mediaServerHost(nostrAccount({ mediaServer: { protocol: "nip96", url: "http://localhost:3000/b" } }))).toBe(
      "localhost:3000",
    );
  });
});
