// v1 createAttachment through the emulator: multipart bodies parsed by Response#formData().
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { AUTH, useResettingEmulator } from "./client.js";

// The OpenAPI checker does not parse multipart request bodies: check responses only.
const suite = useResettingEmulator({ conformance: "responses-only" });
const PAGE = DEMO_IDS.pages.runbooks;

function upload(body: string | FormData, contentType?: string) {
  const headers: Record<string, string> = { authorization: AUTH, "x-atlassian-token": "no-check" };
  if (contentType) headers["content-type"] = contentType;
  return fetch(`${suite.emulator.url}/wiki/rest/api/content/${PAGE}/child/attachment`, {
    method: "POST",
    headers,
    body,
  });
}

describe("v1 attachment upload", () => {
  it("stores every file part with its name, media type (no parameters), bytes and the comment", async () => {
    const form = new FormData();
    form.append("file", new Blob(["a,b"], { type: "text/csv; charset=utf-8" }), "data é.csv");
    form.append("file", new Blob([new Uint8Array([0, 255, 1])], { type: "image/png" }), "x.png");
    form.append("comment", "two files");
    const response = await upload(form);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      results: {
        id: string;
        title: string;
        extensions: { mediaType: string; fileSize: number; comment: string };
      }[];
    };
    expect(
      body.results.map((r) => [r.title, r.extensions.mediaType, r.extensions.fileSize]),
    ).toEqual([
      ["data é.csv", "text/csv", 3],
      ["x.png", "image/png", 3],
    ]);
    expect(body.results[0]!.extensions.comment).toBe("two files");
    const download = await fetch(`${suite.emulator.url}/wiki/download/attachments/${PAGE}/x.png`, {
      headers: { authorization: AUTH },
    });
    expect([...new Uint8Array(await download.arrayBuffer())]).toEqual([0, 255, 1]);
  });

  it("gives a file part without its own Content-Type RFC 7578's default, text/plain", async () => {
    const body =
      '--b1\r\nContent-Disposition: form-data; name="file"; filename="n.txt"\r\n\r\nhi\r\n--b1--\r\n';
    const response = await upload(body, "multipart/form-data; boundary=b1");
    expect(response.status).toBe(200);
    const result = (await response.json()) as { results: { extensions: { mediaType: string } }[] };
    expect(result.results[0]!.extensions.mediaType).toBe("text/plain");
  });

  it("answers 400 for a body that is not multipart, has no boundary or no file part", async () => {
    const noFile = new FormData();
    noFile.append("comment", "no file");
    const cases = [
      await upload("plain text", "text/plain"),
      await upload("--x\r\n", "multipart/form-data"),
      await upload("garbage", "multipart/form-data; boundary=zz"),
      await upload(noFile),
    ];
    for (const response of cases) {
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/'file' part is required/);
    }
  });
});
