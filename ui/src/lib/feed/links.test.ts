import { describe, expect, it } from "vitest";
import { clickedLink, isWebAddress, otherAudience, sourceName } from "./links";

describe("clickedLink", () => {
  it("finds the link a click landed in, however deep", () => {
    const body = document.createElement("div");
    body.innerHTML = '<p>Read <a href="https://ferry.example/a"><strong>this</strong></a> and <a href="mailto:x@y.z">me</a>.</p>';
    const strong = body.querySelector("strong")!;
    expect(clickedLink(strong)).toEqual({ href: "https://ferry.example/a", web: true });
    expect(clickedLink(strong.firstChild)).toEqual({ href: "https://ferry.example/a", web: true });
    expect(clickedLink(body.querySelector('a[href^="mailto"]'))).toEqual({ href: "mailto:x@y.z", web: false });
    expect(clickedLink(body.querySelector("p"))).toBeNull();
    expect(clickedLink(null)).toBeNull();
  });

  it("hands on only web addresses", () => {
    expect(isWebAddress("http://127.0.0.1:8080/x")).toBe(true);
    expect(isWebAddress("javascript:alert(1)")).toBe(false);
    expect(isWebAddress("/relative")).toBe(false);
    expect(isWebAddress("file:///etc/passwd")).toBe(false);
  });
});

describe("sourceName", () => {
  it("is the feed's title, else its address", () => {
    expect(sourceName({ title: "渡口日报", url: "https://x.example/feed" })).toBe("渡口日报");
    expect(sourceName({ title: null, url: "https://x.example/feed" })).toBe("x.example/feed");
    expect(sourceName({ title: "  ", url: "http://x.example/" })).toBe("x.example/");
    const npub = "npub1astzgy7ct6s6canwr756u9vx2ls9e9gc40c6r9acuefntwuxp7zqu3rlr0";
    expect(sourceName({ title: npub, url: "wss://relay.example" })).toBe("npub1astzg…rlr0");
    expect(sourceName({ title: "npub1 is my name", url: "wss://relay.example" })).toBe("npub1 is my name");
  });
});

describe("otherAudience", () => {
  it("sends Chinese to English and everything else to Simplified Chinese", () => {
    expect(otherAudience("zh-CN")).toBe("en");
    expect(otherAudience("zh-Hant")).toBe("en");
    expect(otherAudience("ZH")).toBe("en");
    expect(otherAudience("en-US")).toBe("zh-Hans");
    expect(otherAudience(null)).toBe("zh-Hans");
    expect(otherAudience("zhx")).toBe("zh-Hans");
  });
});
