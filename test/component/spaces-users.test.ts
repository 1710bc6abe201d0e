// Space and user actions through the component against the emulator.
import { describe, expect, it } from "vitest";
import { actions, createRuntime, runAction } from "../../src/catalog/index.js";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import {
  basicConnection,
  EMULATOR_ENVIRONMENT,
  SILENT_LOGGER,
  ZERO_BACKOFF,
} from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();

describe("spaces and users", () => {
  it("creates a space, gets it by key, deletes it and waits for the deletion", async () => {
    const created = await run("createSpace", {
      name: "Release Notes",
      key: "REL",
      description: "What shipped",
    });
    expect(created.data).toMatchObject({ key: "REL", name: "Release Notes" });
    const [post] = await received();
    expect(post).toMatchObject({
      method: "POST",
      path: "/wiki/api/v2/spaces",
      body: {
        name: "Release Notes",
        key: "REL",
        description: { value: "What shipped", representation: "plain" },
      },
    });

    const got = await run("getSpaceByKey", { spaceKey: "REL" });
    expect(got.data).toMatchObject({ key: "REL", id: (created.data as { id: string }).id });

    const deleted = await run("deleteSpace", { spaceKey: "REL", waitForCompletion: "true" });
    expect(deleted.data).toMatchObject({ finished: true, successful: true });
    // The first poll finds the task in progress: the action waited and polled again.
    const polls = (await received()).filter((r) => r.path.startsWith("/wiki/rest/api/longtask/"));
    expect(polls).toHaveLength(2);
    await expect(run("getSpaceByKey", { spaceKey: "REL" })).rejects.toMatchObject({
      name: "NotFoundError",
    });
  });

  it("returns the deletion task without waiting unless asked", async () => {
    await run("createSpace", { name: "Scratch", key: "SCR" });
    const task = await run("deleteSpace", { spaceKey: "SCR" });
    expect(task.data).toMatchObject({
      id: expect.any(String),
      links: { status: expect.stringContaining("/rest/api/longtask/") },
    });
    expect((await received()).some((r) => r.path.includes("longtask"))).toBe(false);
  });

  it("refuses a space key that is not letters and digits, sending nothing", async () => {
    await expect(run("deleteSpace", { spaceKey: "../ENG" })).rejects.toThrow(/Space Key/);
    await expect(run("createSpace", { name: "X", key: "A B" })).rejects.toThrow(/Space Key/);
    expect(await received()).toEqual([]);
  });

  it("returns the current user and users by account id", async () => {
    const me = await run("getCurrentUser");
    const accountId = (me.data as { accountId: string }).accountId;
    expect(accountId).toEqual(expect.any(String));
    const [request] = await received();
    expect(request?.path).toBe("/wiki/rest/api/user/current");
    const users = await run("getUsersByAccountIds", { accountIds: [accountId] });
    expect((users.data as { results: { accountId: string }[] }).results).toEqual([
      expect.objectContaining({ accountId }),
    ]);
  });
});

describe("Delete Space's wait on the runtime's clock", () => {
  it("gives up at the timeout with the task's id (the deletion goes on)", async () => {
    const emulator = await startTestEmulator();
    let now = 0;
    const sleeps: number[] = [];
    const runtime = createRuntime(EMULATOR_ENVIRONMENT, {
      retry: ZERO_BACKOFF,
      clock: {
        now: () => now,
        // The host was suspended a little past the wait it asked for.
        sleep: async (ms) => {
          sleeps.push(ms);
          now += ms + 1;
        },
      },
    });
    try {
      const error = await runAction(
        actions.deleteSpace!,
        {
          connection: basicConnection(emulator),
          spaceKey: DEMO_IDS.spaces.engineering.key,
          waitForCompletion: "true",
          timeoutSeconds: "1",
        },
        SILENT_LOGGER,
        runtime,
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "LongTaskTimeoutError", taskId: expect.any(String) });
      // One wait, cut to the time left; no poll after the deadline.
      expect(sleeps).toEqual([1000]);
    } finally {
      await runtime.close();
      await emulator.close();
    }
  });
});
