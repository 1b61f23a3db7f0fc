import { describe, expect, it } from "vitest";
import type { MediaHost } from "../backend";
import { address, checkMediaHost, mediaHostRequest, splitEndpoint, startFields, type MediaHostFields } from "./form";

const r2: MediaHostFields = {
  endpoint: " https://acc123.r2.cloudflarestorage.com ",
  bucket: " notes ",
  region: " auto ",
  publicUrl: "https://pub-1234.r2.dev/",
  accessKeyId: " AKIA1 ",
  secretAccessKey: " s3cr3t ",
  deleteAfterPost: false,
};

describe("media host form", () => {
  it("sends a filled form trimmed, the public address without its trailing slash", () => {
    expect(checkMediaHost(r2)).toEqual({});
    expect(mediaHostRequest(r2)).toEqual({
      endpoint: "https://acc123.r2.cloudflarestorage.com",
      bucket: "notes",
      region: "auto",
      publicUrl: "https://pub-1234.r2.dev",
      accessKeyId: "AKIA1",
      secretAccessKey: "s3cr3t",
      deleteAfterPost: false,
    });
  });

  it("keeps every picture unless asked to delete them after posting", () => {
    expect(startFields(null).deleteAfterPost).toBe(false);
    expect(mediaHostRequest({ ...r2, deleteAfterPost: true }).deleteAfterPost).toBe(true);
  });

  it("leaves the region empty for the engine's default and assumes https://", () => {
    const fields = { ...r2, region: "", endpoint: "s3.us-west-004.backblazeb2.com", publicUrl: "cdn.example.com/pics" };
    expect(checkMediaHost(fields)).toEqual({});
    const add = mediaHostRequest(fields);
    expect(add.region).toBe("");
    expect(add.endpoint).toBe("https://s3.us-west-004.backblazeb2.com");
    expect(add.publicUrl).toBe("https://cdn.example.com/pics");
  });

  it("names every missing field", () => {
    expect(checkMediaHost(startFields(null))).toEqual({
      endpoint: "mediaHost.error.endpoint",
      bucket: "mediaHost.error.bucket",
      publicUrl: "mediaHost.error.publicUrl",
      accessKeyId: "mediaHost.error.keyId",
      secretAccessKey: "mediaHost.error.secret",
    });
  });

  it("refuses bucket names S3 refuses", () => {
    for (const bucket of ["ab", "Notes", "my_bucket", "a".repeat(64), "with space"]) {
      expect(checkMediaHost({ ...r2, bucket }).bucket, bucket).toBe("mediaHost.error.bucket");
    }
    expect(checkMediaHost({ ...r2, bucket: "my-notes.2024" }).bucket).toBeUndefined();
  });

  it("takes plain http:// only to this computer, as the engine does", () => {
    expect(address("http://127.0.0.1:9000")).toHaveProperty("url");
    expect(address("http://localhost:9000")).toHaveProperty("url");
    expect(address("http://[::1]:9000")).toHaveProperty("url");
    expect(address("http://minio.lan:9000")).toEqual({ error: "plainHttp" });
    expect(address("http://192.168.1.20:9000")).toEqual({ error: "plainHttp" });
    expect(address("ftp://example.com")).toEqual({ error: "invalid" });
    expect(address("https://exa mple.com")).toEqual({ error: "invalid" });
    expect(checkMediaHost({ ...r2, publicUrl: "http://pub.example.com" }).publicUrl).toBe("mediaHost.error.plainHttp");
    expect(checkMediaHost({ ...r2, endpoint: "http://s3.example.com" }).endpoint).toBe("mediaHost.error.plainHttp");
  });

  it("moves a bucket pasted at the end of the endpoint (as R2 shows it) to its field", () => {
    expect(splitEndpoint("https://acc.r2.cloudflarestorage.com/notes", "")).toEqual({
      endpoint: "https://acc.r2.cloudflarestorage.com",
      bucket: "notes",
    });
    expect(splitEndpoint("https://acc.r2.cloudflarestorage.com/notes/", "notes")).toEqual({
      endpoint: "https://acc.r2.cloudflarestorage.com",
      bucket: "notes",
    });
    // Another path is the service's own, kept.
    expect(splitEndpoint("https://gw.example.com/s3/", "notes")).toEqual({
      endpoint: "https://gw.example.com/s3",
      bucket: "notes",
    });
    const pasted = { ...r2, endpoint: "https://acc.r2.cloudflarestorage.com/notes", bucket: "" };
    expect(checkMediaHost(pasted)).toEqual({});
    expect(mediaHostRequest(pasted)).toMatchObject({ endpoint: "https://acc.r2.cloudflarestorage.com", bucket: "notes" });
  });

  it("starts a replacement from the host's addresses and delete-after-post choice, never its keys", () => {
    const host: MediaHost = {
      id: "h1",
      kind: "s3",
      endpoint: "https://s3.eu-central-1.amazonaws.com",
      bucket: "pics",
      region: "eu-central-1",
      publicUrl: "https://pics.s3.eu-central-1.amazonaws.com",
      deleteAfterPost: true,
      createdAt: "2026-01-01T00:00:00Z",
    };
    expect(startFields(host)).toEqual({
      endpoint: host.endpoint,
      bucket: "pics",
      region: "eu-central-1",
      publicUrl: host.publicUrl,
      accessKeyId: "",
      secretAccessKey: "",
      deleteAfterPost: true,
    });
  });
});
