import { describe, expect, it } from "vitest";
import { blossomHost, checkBlossom } from "./blossom";
import { nostrAccount } from "./fixtures";

describe("a Blossom server address", () => {
  it("takes an https or http address, with https assumed", () => {
    expect(checkBlossom(" https://blossom.example ")).toEqual({ server: "https://blossom.example" });
    expect(checkBlossom("blossom.example/")).toEqual({ server: "https://blossom.example" });
    expect(checkBlossom("HTTPS://Blossom.Example:8443/")).toEqual({ server: "https://blossom.example:8443" });
    expect(checkBlossom("http://127.0.0.1:3000")).toEqual({ server: "http://127.0.0.1:3000" });
  });

  it("keeps a path the server sits under, without its trailing slashes", () => {
    expect(checkBlossom("https://media.example/blossom//")).toEqual({ server: "https://media.example/blossom" });
  });

  it("asks for an address when there is none", () => {
    expect(checkBlossom("")).toEqual({ error: "accounts.blossom.error.missing" });
    expect(checkBlossom("   ")).toEqual({ error: "accounts.blossom.error.missing" });
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
      expect(checkBlossom(bad), bad).toEqual({ error: "accounts.blossom.error.url" });
    }
  });
});

describe("the account's Blossom host", () => {
  it("is none for the media host, else the server's host and port", () => {
    expect(blossomHost(nostrAccount())).toBeNull();
    expect(blossomHost(nostrAccount({ blossomUrl: "" }))).toBeNull();
    expect(blossomHost(nostrAccount({ blossomUrl: "https://blossom.example" }))).toBe("blossom.example");
    expect(blossomHost(nostrAccount({ blossomUrl: "http://localhost:3000/b" }))).toBe("localhost:3000");
  });
});
