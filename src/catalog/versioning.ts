// The version inputs of the updates beyond the specification (blog posts, comments): the new
// version's number is optional. Confluence requires `version.number` = current + 1 (409
// otherwise; updateBlogPost, updateFooterComment, updateInlineComment), so when it is blank the
// action reads the current number first; given, it is sent as is (an optimistic lock: a 409
// says someone else saved in between). Either way the write itself is resolved by
// src/core/writes/versioned.ts when its answer is lost.
import type { QueryParams } from "../core/query.js";
import * as i from "./inputs.js";
import * as p from "./parse.js";
import type { RunContext } from "./types.js";

export const versionNumber = i.defineInput({
  label: "Version Number",
  comments:
    "The new version's number: the current version number plus one. Leave blank to read the current number and add one (a given number fails with 409 when someone saved in between).",
  type: "string",
  required: false,
  example: "2",
  parse: p.optionalInteger(1, 2_147_483_647),
});

export const versionMessage = i.defineInput({
  label: "Version Message",
  comments: "A note saved with the new version.",
  type: "string",
  required: false,
  parse: p.optionalText,
});

/** `{ number, message? }` for the update: the given number, or the current one plus one. */
export async function nextVersion(
  ctx: RunContext,
  read: { path: string; pathParams: Readonly<Record<string, string>>; query?: QueryParams },
  given: { number: number | undefined; message: string | undefined },
): Promise<{ number: number; message?: string }> {
  let number = given.number;
  if (number === undefined) {
    const current = await ctx.client.request<{ version?: { number?: number } }>({
      ...read,
      debug: ctx.debug,
    });
    number = (current.data.version?.number ?? 0) + 1;
  }
  return given.message === undefined ? { number } : { number, message: given.message };
}
