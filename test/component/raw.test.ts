import { testing } from "@prismatic-io/spectral";
import { describe, expect, it } from "vitest";
import component from "../../src/component/index.js";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { startTestEmulator } from "../support/emulator.js";
import { useComponent } from "./support.js";

const { run, received, state } = useComponent();

describe("Raw Request", () => {
  it("GETs a site path with query parameters and headers", async () => {
    const { data } = await run("rawRequest", {
      url: `/wiki/api/v2/pages/${DEMO_IDS.pages.architecture}`,
      method: "GET",
      queryParams: [{ key: "body-format", value: "storage" }],
      headers: [{ key: "X-Test", value: "yes" }],
    });
    expect(data).toMatchObject({ id: DEMO_IDS.pages.architecture });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "GET",
      path: `/wiki/api/v2/pages/${DEMO_IDS.pages.architecture}`,
      query: { "body-format": "storage" },
      headers: { "x-test": "yes" },
    });
  });

  it("POSTs JSON data and accepts an absolute URL on the connected site", async () => {
    const { data } = await run("rawRequest", {
      url: `${state.url}/wiki/api/v2/pages`,
      method: "POST",
      data: JSON.stringify({ spaceId: DEMO_IDS.spaces.engineering.id, title: "Raw page" }),
    });
    expect(data).toMatchObject({ title: "Raw page" });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "POST",
      path: "/wiki/api/v2/pages",
      body: { spaceId: DEMO_IDS.spaces.engineering.id, title: "Raw page" },
    });
  });

  it("returns text and binary bodies as asked", async () => {
    const text = await run("rawRequest", {
      url: "/wiki/api/v2/spaces",
      method: "GET",
      responseType: "text",
    });
    expect(typeof text.data).toBe("string");
    expect(JSON.parse(text.data as string)).toHaveProperty("results");
    const binary = await run("rawRequest", {
      url: "/wiki/api/v2/spaces",
      method: "GET",
      responseType: "binary",
    });
    expect(Buffer.isBuffer(binary.data)).toBe(true);
    expect((binary.result as { contentType?: string }).contentType).toMatch(/json/);
  });

  it("downloads an attachment's bytes through its downloadLink as binary", async () => {
    const { data: attachment } = await run("getAttachment", {
      attachmentId: DEMO_IDS.attachments.notesTxt,
    });
    const { downloadLink, fileSize, mediaType } = attachment as {
      downloadLink: string;
      fileSize: number;
      mediaType: string;
    };
    const file = await run("rawRequest", {
      url: `/wiki${downloadLink}`,
      method: "GET",
      responseType: "binary",
    });
    expect(Buffer.isBuffer(file.data)).toBe(true);
    expect((file.data as Buffer).length).toBe(fileSize);
    expect((file.result as { contentType?: string }).contentType).toContain(mediaType);
    const requests = await received();
    expect(requests.at(-1)).toMatchObject({
      method: "GET",
      path: `/wiki${downloadLink.split("?")[0]}`,
    });
  });

  it("maps the retry inputs: Retry On All Errors repeats a 404 Max Retry Count times", async () => {
    const error = await run("rawRequest", {
      url: "/wiki/api/v2/pages/999999",
      method: "GET",
      maxRetries: "2",
      retryDelayMS: "1",
      retryAllErrors: "true",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
    const requests = await received();
    expect(requests.map((r) => r.path)).toEqual(Array(3).fill("/wiki/api/v2/pages/999999"));
  });

  it("never sends credentials to another origin", async () => {
    const error = await run("rawRequest", {
      url: "https://evil.example.com/wiki/api/v2/pages",
      method: "GET",
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/Invalid input "URL"/);
    expect(await received()).toEqual([]);
  });

  it("logs a redacted request and response when Debug Request is on", async () => {
    const { lines } = await run("rawRequest", {
      url: "/wiki/api/v2/spaces",
      method: "GET",
      debugRequest: "true",
    });
    const log = lines.info.join("\n");
    expect(log).toMatch(/Confluence request: GET/);
    expect(log).toMatch(/Confluence response: 200/);
    expect(log).not.toMatch(/demo-token/);
    expect(log).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
  });
});

describe("Raw GraphQL Request", () => {
  it("queries the site's GraphQL gateway", async () => {
    const { data } = await run("graphqlRequest", {
      query: "query ($id: ID!) { confluence { space(id: $id) { key name } } }",
      variables: JSON.stringify({ id: DEMO_IDS.spaces.engineering.id }),
    });
    expect(data).toEqual({ confluence: { space: { key: "ENG", name: "Engineering" } } });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "POST",
      path: "/gateway/api/graphql",
      body: { variables: { id: DEMO_IDS.spaces.engineering.id } },
    });
  });

  it("reports GraphQL errors in a 200 response as a failure", async () => {
    const error = await run("graphqlRequest", { query: "{ confluence { nope } }" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/nope/);
  });

  it("never logs the Authorization header despite the spec's comment", async () => {
    const { lines } = await run("graphqlRequest", {
      query: "{ confluence { spaces { key } } }",
      debugRequest: "true",
    });
    const log = lines.info.join("\n");
    expect(log).toMatch(/graphql/);
    expect(log).not.toMatch(/demo-token/);
    expect(log).toMatch(/\[REDACTED\]/);
  });
});

describe("Raw Request multipart", () => {
  // Own emulator with request-side conformance off: the OpenAPI checker does not parse
  // multipart request bodies and reports this valid upload as "body required but missing".
  it("uploads files as multipart with their file names (v1 attachment API)", async () => {
    const emulator = await startTestEmulator({ seed: "demo", conformance: "responses-only" });
    try {
      const result = await testing.createHarness(component).action("rawRequest", {
        connection: {
          key: "basic",
          configVarKey: "",
          fields: { email: "demo@example.com", apiToken: "demo-token", host: emulator.url },
        },
        url: `/wiki/rest/api/content/${DEMO_IDS.pages.runbooks}/child/attachment`,
        method: "POST",
        headers: [{ key: "X-Atlassian-Token", value: "no-check" }],
        fileData: [
          { key: "file", value: { data: Buffer.from("hello"), contentType: "text/plain" } },
        ],
        fileDataFileNames: [{ key: "file", value: "hello.txt" }],
        formData: [{ key: "comment", value: "uploaded by test" }],
      });
      expect(result).toMatchObject({ data: { results: [{ title: "hello.txt" }] } });
      const log = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as {
        requests: { method: string; headers: Record<string, string> }[];
      };
      const upload = log.requests.at(-1);
      expect(upload?.method).toBe("POST");
      expect(upload?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    } finally {
      await emulator.close();
    }
  });
});
