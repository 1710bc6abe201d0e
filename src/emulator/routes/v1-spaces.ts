// v1 spaces and long tasks: GET /wiki/rest/api/space/{spaceKey}, DELETE
// /wiki/rest/api/space/{spaceKey} (a long-running task: 202 with its id and status link), GET
// /wiki/rest/api/longtask and /wiki/rest/api/longtask/{id} (getSpace, deleteSpace, getTasks,
// getTask). https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-space/#api-wiki-rest-api-space-spacekey-delete
// ("Permanently deletes a space without sending it to the trash ... Deletion is a long running
// task, so the space may not be deleted yet when this method has returned. Use the longtask
// REST API to poll the status of the deletion.")
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { ApiError, badParameter, notFound } from "../errors.js";
import { params, query } from "../http.js";
import type { LongTaskRecord, SpaceRecord } from "../model.js";
import { V1_DELETE_SPACE, V1_READ_SPACE, V1_READ_TASK, V1_READ_TASKS } from "../oauth/scopes.js";
import { integer } from "../params.js";
import type { Route } from "../route.js";
import { links, v1Space } from "../serialize/v1.js";

function spaceByKey(ctx: SiteContext, key: string): SpaceRecord {
  const space = ctx.store.spacesByKey.get(key);
  if (!space) throw notFound();
  return space;
}

/**
 * LongTaskStatus. The emulator deletes the space while answering, but a space deletion reports
 * IN_PROGRESS on its first status read ("the space may not be deleted yet when this method has
 * returned", deleteSpace), so pollers meet an unfinished task; `finishesAt` keeps room for tasks
 * that take time.
 */
function taskStatus(request: FastifyRequest, task: LongTaskRecord, read: "poll" | "list") {
  const pending = (task.pendingReads ?? 0) > 0;
  // Only a poll of the task itself counts; listing every task does not move one along.
  if (pending && read === "poll") task.pendingReads = (task.pendingReads ?? 0) - 1;
  const finished = !pending && Date.now() >= task.finishesAt;
  return {
    id: task.id,
    name: { key: task.name, args: [] },
    elapsedTime: (finished ? task.finishesAt : Date.now()) - task.startedAt,
    percentageComplete: finished ? 100 : 0,
    successful: finished,
    finished,
    messages: [],
    status: finished ? "COMPLETE" : "IN_PROGRESS",
    _links: links(request, `/rest/api/longtask/${task.id}`),
  };
}

export const V1_SPACES_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/rest/api/space/:spaceKey",
    scopes: V1_READ_SPACE,
    handler: async (ctx, request) => v1Space(request, spaceByKey(ctx, params(request).spaceKey!)),
  },

  {
    method: "DELETE",
    path: "/wiki/rest/api/space/:spaceKey",
    scopes: V1_DELETE_SPACE,
    handler: async (ctx, request, reply) => {
      const space = spaceByKey(ctx, params(request).spaceKey!);
      ctx.store.removeSpace(space);
      const now = Date.now();
      const id = String(ctx.store.allocateId());
      ctx.store.longTasks.set(id, {
        id,
        name: "com.atlassian.confluence.spaces.delete.longtask.name",
        startedAt: now,
        finishesAt: now,
        messages: [],
        pendingReads: 1,
      });
      return reply.code(202).send({ id, links: { status: `/rest/api/longtask/${id}` } });
    },
  },

  {
    method: "GET",
    path: "/wiki/rest/api/longtask",
    scopes: V1_READ_TASKS,
    handler: async (ctx, request) => {
      const q = query(request);
      const start = integer(q, "start") ?? 0;
      const limit = integer(q, "limit") ?? 100;
      if (start < 0) throw badParameter("start", String(start), "non-negative int");
      if (limit < 0) throw badParameter("limit", String(limit), "non-negative int");
      const tasks = [...ctx.store.longTasks.values()].slice(start, start + limit);
      return {
        results: tasks.map((task) => {
          const { _links, ...status } = taskStatus(request, task, "list");
          return status;
        }),
        start,
        limit,
        size: tasks.length,
        _links: links(request, "/rest/api/longtask"),
      };
    },
  },

  {
    method: "GET",
    path: "/wiki/rest/api/longtask/:id",
    scopes: V1_READ_TASK,
    handler: async (ctx, request) => {
      const id = params(request).id!;
      if (!/^[0-9]{1,18}$/.test(id)) throw new ApiError(404);
      const task = ctx.store.longTasks.get(id);
      if (!task) throw notFound();
      return taskStatus(request, task, "poll");
    },
  },
];
