// Every action shows an example output (the component's `examplePayload`), and the committed
// examples are what the actions return on the emulator now: a change of an output's shape or
// content that is not followed by `npm run examples` fails here.
import { describe, expect, it } from "vitest";
import { captureExamples } from "../../scripts/examples.js";
import { EXAMPLE_OUTPUTS } from "../../src/catalog/examples.generated.js";
import { actions } from "../../src/catalog/index.js";
import component from "../../src/component/index.js";

describe("example outputs", () => {
  it("every action has one (but those whose output is a file), and the component shows it", () => {
    // A download's output is the file's bytes: nothing to show as an example.
    const withJsonOutput = Object.keys(actions).filter((key) => key !== "downloadAttachment");
    expect(Object.keys(EXAMPLE_OUTPUTS).toSorted()).toEqual(withJsonOutput.toSorted());
    for (const [key, example] of Object.entries(EXAMPLE_OUTPUTS)) {
      expect(component.actions?.[key]?.examplePayload).toEqual({ data: example });
    }
  });

  it("are what the actions return on the emulator now (run npm run examples if not)", async () => {
    expect(await captureExamples()).toEqual(EXAMPLE_OUTPUTS);
  }, 180_000);

  it("show the customer's site, never the emulator's address or credentials", () => {
    const text = JSON.stringify(EXAMPLE_OUTPUTS);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|demo-token/);
    expect(text).toContain("https://your-domain.atlassian.net");
  });
});
