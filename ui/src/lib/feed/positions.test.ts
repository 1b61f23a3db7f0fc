import { beforeEach, describe, expect, it } from "vitest";
import { rememberPosition, rememberedPosition, timelineKey } from "./positions";

beforeEach(() => localStorage.clear());

describe("timelineKey", () => {
  it("names a timeline by its network and language filters", () => {
    expect(timelineKey({ network: null, lang: null, search: "" })).toBe("all.any");
    expect(timelineKey({ network: "mastodon", lang: "zh", search: "  " })).toBe("mastodon.zh");
    expect(timelineKey({ network: null, lang: "en", search: "" })).toBe("all.en");
  });

  it("has none for a search", () => {
    expect(timelineKey({ network: null, lang: null, search: "日出" })).toBeNull();
  });
});

describe("read positions", () => {
  it("are kept per timeline in localStorage", () => {
    rememberPosition("all.any", { id: 42, offset: 17.4 });
    rememberPosition("mastodon.zh", { id: 7, offset: 0 });
    expect(localStorage.getItem("ferry.feed.position.all.any")).toBe('{"id":42,"offset":17}');
    expect(rememberedPosition("all.any")).toEqual({ id: 42, offset: 17 });
    expect(rememberedPosition("mastodon.zh")).toEqual({ id: 7, offset: 0 });
    expect(rememberedPosition("rss.en")).toBeNull();
  });

  it("forget the place at the top", () => {
    rememberPosition("all.any", { id: 42, offset: 0 });
    rememberPosition("all.any", null);
    expect(localStorage.getItem("ferry.feed.position.all.any")).toBeNull();
    expect(rememberedPosition("all.any")).toBeNull();
  });

  it("ignore an entry they cannot read", () => {
    localStorage.setItem("ferry.feed.position.a", "{not json");
    localStorage.setItem("ferry.feed.position.b", '{"id":true,"offset":3}');
    localStorage.setItem("ferry.feed.position.c", '{"id":3,"offset":-1}');
    localStorage.setItem("ferry.feed.position.d", "17");
    for (const key of ["a", "b", "c", "d"]) expect(rememberedPosition(key), key).toBeNull();
  });
});
