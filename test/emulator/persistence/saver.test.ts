// Group commit of the state file: saves never overlap, and a save asked for while one runs is
// covered by a save that starts after the ask.
import { describe, expect, it } from "vitest";
import { Saver } from "../../../src/emulator/persistence/saver.js";

describe("Saver", () => {
  it("coalesces asks made during a save into one later save, never two at once", async () => {
    let version = 0;
    const saved: number[] = [];
    let running = 0;
    let overlapped = false;
    const saver = new Saver(async () => {
      const captured = version; // captured before the first await, like the real save
      running++;
      if (running > 1) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      saved.push(captured);
      running--;
    });
    version = 1;
    const first = saver.request();
    version = 2;
    const second = saver.request();
    version = 3;
    const third = saver.request();
    await Promise.all([first, second, third]);
    expect(overlapped).toBe(false);
    // The first save has version 1; both later asks share one save that saw version 3.
    expect(saved).toEqual([1, 3]);
  });

  it("a failed save rejects its askers, and the next ask saves again", async () => {
    let fail = true;
    const saver = new Saver(async () => {
      if (fail) throw new Error("disk full");
    });
    await expect(saver.request()).rejects.toThrow("disk full");
    fail = false;
    await expect(saver.request()).resolves.toBeUndefined();
  });
});
