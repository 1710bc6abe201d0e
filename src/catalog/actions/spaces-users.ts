// Spaces and users, beyond the specification: Create Space (v2 createSpace, POST /spaces), Delete
// Space (v1 deleteSpace: the v2 document has no space delete), Get Space by Key (v2 getSpaces
// `keys`), Get Current User (v1 getCurrentUser) and Get Users by Account Ids (v2
// getBulkUserLookup, POST /users-bulk).
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-space/
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-space/#api-wiki-rest-api-space-spacekey-delete
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/#api-wiki-rest-api-user-current-get
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-user/#api-users-bulk-post
import { createSpaceSafely } from "../../core/writes/index.js";
import { InvalidValue } from "../input-error.js";
import * as i from "../inputs.js";
import { waitForLongTask } from "../long-task.js";
import * as p from "../parse.js";
import { callApi, writeOutput } from "../request.js";
import { body, path } from "../wire.js";
import { defineAction } from "./define.js";
import { NotFoundError } from "./search.js";

/** "Space keys can only contain alphanumeric characters" (createSpace; personal ones start with ~). */
const SPACE_KEY = /^~?[A-Za-z0-9]{1,255}$/;

const optionalSpaceKey = p.described({ type: "string", pattern: SPACE_KEY.source }, (raw) => {
  const key = p.optionalText(raw)?.trim();
  if (key === undefined || key === "") return undefined;
  if (!SPACE_KEY.test(key)) {
    throw new InvalidValue(`must be letters and digits only (such as ENG), got "${key}"`);
  }
  return key;
});

const spaceKeyInput = <T>(comments: string, required: boolean, parse: p.Parser<T>) =>
  i.defineInput({ label: "Space Key", comments, type: "string", required, example: "ENG", parse });

const spaceKey = (comments: string) => spaceKeyInput(comments, true, p.required(optionalSpaceKey));

export const createSpace = defineAction({
  key: "createSpace",
  label: "Create Space",
  description: "Creates a space (with its homepage) and returns it.",
  endpoint: "POST /spaces",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    name: body(
      "name",
      i.defineInput({
        label: "Name",
        comments: "The space's name.",
        type: "string",
        required: true,
        example: "Engineering",
        parse: p.requiredText,
      }),
    ),
    key: body(
      "key",
      spaceKeyInput(
        "The space's key; Confluence derives one from the name when empty.",
        false,
        optionalSpaceKey,
      ),
    ),
    description: i.defineInput({
      label: "Description",
      comments: "The space's description, as plain text.",
      type: "text",
      required: false,
      parse: p.optionalText,
    }),
    createPrivateSpace: body(
      "createPrivateSpace",
      i.flag("Private", "When true, only you can see the new space."),
    ),
    debugRequest: i.debugRequest,
  },
  // A lost answer is resolved by the key, unique on the site (src/core/writes/spaces.ts).
  run: (input, ctx) =>
    writeOutput(
      createSpaceSafely(ctx.client, {
        body: {
          ...ctx.request.body,
          ...(input.description === undefined
            ? {}
            : { description: { value: input.description, representation: "plain" } }),
        },
        debug: ctx.debug,
      }),
    ),
});

export const deleteSpace = defineAction({
  key: "deleteSpace",
  label: "Delete Space",
  description:
    "Permanently deletes a space and everything in it (not to the trash), waiting for Confluence to finish if asked.",
  endpoint: "DELETE /wiki/rest/api/space/{spaceKey}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    spaceKey: path("spaceKey", spaceKey("The key of the space to delete.")),
    waitForCompletion: i.flag(
      "Wait for Completion",
      "When true, waits until Confluence has finished deleting the space and returns the finished task; otherwise returns the task right away.",
    ),
    timeoutSeconds: i.defineInput({
      label: "Timeout (s)",
      comments: "With Wait for Completion: how long to wait before failing (the deletion goes on).",
      default: "60",
      type: "string",
      required: false,
      parse: (raw) => p.optionalInteger(1, 3_600)(raw) ?? 60,
    }),
    debugRequest: i.debugRequest,
  },
  // "Deletion is a long running task, so the space may not be deleted yet when this method has
  // returned. Use the longtask REST API to poll the status of the deletion." (deleteSpace)
  run: async (input, ctx) => {
    const { data } = await callApi(ctx, { params: ctx.request.params });
    const task = data as { id: string; links?: { status?: string } };
    if (!input.waitForCompletion) return { data: task };
    return { data: await waitForLongTask(ctx, task.id, input.timeoutSeconds * 1000) };
  },
});

export const getSpaceByKey = defineAction({
  key: "getSpaceByKey",
  label: "Get Space by Key",
  description: "Returns the space with this key.",
  endpoint: "GET /spaces",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    spaceKey: spaceKey("The space's key."),
    debugRequest: i.debugRequest,
  },
  run: async (input, ctx) => {
    const page = await ctx.client.listPage("/spaces", {
      query: { keys: input.spaceKey },
      limit: 1,
      debug: ctx.debug,
    });
    const space = page.results[0];
    if (space === undefined) throw new NotFoundError(`No space has the key "${input.spaceKey}".`);
    return { data: space };
  },
});

export const getCurrentUser = defineAction({
  key: "getCurrentUser",
  label: "Get Current User",
  description: "Returns the user the connection acts as.",
  endpoint: "GET /wiki/rest/api/user/current",
  beyondSpecification: true,
  inputs: { connection: i.connection, debugRequest: i.debugRequest },
});

export const getUsersByAccountIds = defineAction({
  key: "getUsersByAccountIds",
  label: "Get Users by Account Ids",
  description: "Returns the users with these Atlassian account ids.",
  endpoint: "POST /users-bulk",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    accountIds: body(
      "accountIds",
      i.defineInput({
        label: "Account Ids",
        comments: "Up to 250 Atlassian account ids, as a list or comma-separated.",
        type: "string",
        collection: "valuelist",
        required: true,
        example: "5b10a2844c20165700ede21g,5b10ac8d82e05b22cc7d4ef5",
        // BulkUsersRequest: accountIds has 1 to 250 items.
        parse: p.described(
          { type: "array", items: { type: "string" }, minItems: 1, maxItems: 250 },
          (raw) => {
            const ids = p.required(p.listOf(p.optionalText))(raw);
            if (ids.length > 250)
              throw new InvalidValue(`takes at most 250 ids, got ${ids.length}`);
            return ids;
          },
        ),
      }),
    ),
    debugRequest: i.debugRequest,
  },
});
