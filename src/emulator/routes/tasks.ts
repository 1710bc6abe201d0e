// GET /tasks, GET /tasks/{id}, PUT /tasks/{id} (getTasks, getTaskById, updateTask;
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-task/). Tasks live in page
// and blog post bodies in Confluence; the emulator keeps them as records (seeded on the demo
// site). updateTask changes only the status: "Update a task by id. This endpoint currently only
// supports updating task status." Completing records who and when; reopening clears both.
import type { FastifyRequest } from "fastify";
import { renderBody } from "../body-format.js";
import type { SiteContext } from "../context.js";
import { badParameter, badRequest, notFound } from "../errors.js";
import { jsonObject, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { TaskRecord } from "../model-content.js";
import { READ_TASK, WRITE_TASK } from "../oauth/scopes-content.js";
import {
  bool,
  enumValue,
  idList,
  limit as limitParam,
  list,
  pathId,
  type Query,
  single,
} from "../params.js";
import type { Route } from "../route.js";
import { BULK_FORMATS } from "./comment-helpers.js";

function taskWire(task: TaskRecord, bodyFormat: string | undefined) {
  return {
    id: task.id,
    localId: task.localId,
    spaceId: task.spaceId,
    ...(task.pageId !== undefined ? { pageId: task.pageId } : {}),
    ...(task.blogPostId !== undefined ? { blogPostId: task.blogPostId } : {}),
    status: task.status,
    body: renderBody(task.body, bodyFormat),
    createdBy: task.createdBy,
    ...(task.assignedTo !== undefined ? { assignedTo: task.assignedTo } : {}),
    ...(task.completedBy !== undefined ? { completedBy: task.completedBy } : {}),
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    ...(task.dueAt !== undefined ? { dueAt: task.dueAt } : {}),
    ...(task.completedAt !== undefined ? { completedAt: task.completedAt } : {}),
  };
}

/** The *-from / *-to filters are epoch milliseconds (int64). */
function epoch(q: Query, name: string): number | undefined {
  const value = single(q, name);
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,15}$/.test(value)) throw badParameter(name, value, "long");
  return Number(value);
}

function within(iso: string | undefined, from: number | undefined, to: number | undefined) {
  if (from === undefined && to === undefined) return true;
  if (iso === undefined) return false;
  const time = Date.parse(iso);
  return (from === undefined || time >= from) && (to === undefined || time <= to);
}

function taskOf(ctx: SiteContext, request: FastifyRequest): TaskRecord {
  const task = ctx.store.content.tasks.get(pathId(params(request).id!));
  if (!task) throw notFound();
  return task;
}

export const TASKS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/tasks",
    scopes: READ_TASK,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const filters = {
        status: enumValue(q, "status", ["complete", "incomplete"] as const),
        // "Specifies whether to include blank tasks in the response. Defaults to true."
        blank: bool(q, "include-blank-tasks", true),
        taskIds: idList(q, "task-id"),
        spaceIds: idList(q, "space-id"),
        pageIds: idList(q, "page-id"),
        blogPostIds: idList(q, "blogpost-id"),
        createdBy: list(q, "created-by"),
        assignedTo: list(q, "assigned-to"),
        completedBy: list(q, "completed-by"),
        created: [epoch(q, "created-at-from"), epoch(q, "created-at-to")],
        due: [epoch(q, "due-at-from"), epoch(q, "due-at-to")],
        completed: [epoch(q, "completed-at-from"), epoch(q, "completed-at-to")],
      };
      const bodyFormat = enumValue(q, "body-format", BULK_FORMATS);
      const limit = limitParam(q);
      const has = (values: string[] | undefined, value: string | undefined) =>
        values === undefined || (value !== undefined && values.includes(value));
      return sendView(ctx, request, reply, {
        view: "tasks",
        filters,
        candidates: () => ctx.store.content.tasks.values(),
        keep: (t, f) =>
          (f.status === undefined || t.status === f.status) &&
          (f.blank || t.body.replace(/<[^>]*>/g, "").trim() !== "") &&
          has(f.taskIds, t.id) &&
          has(f.spaceIds, t.spaceId) &&
          has(f.pageIds, t.pageId) &&
          has(f.blogPostIds, t.blogPostId) &&
          has(f.createdBy, t.createdBy) &&
          has(f.assignedTo, t.assignedTo) &&
          has(f.completedBy, t.completedBy) &&
          within(t.createdAt, f.created[0], f.created[1]) &&
          within(t.dueAt, f.due[0], f.due[1]) &&
          within(t.completedAt, f.completed[0], f.completed[1]),
        sort: { name: "id", key: (t) => t.num, descending: false },
        limit,
        serialize: (t) => taskWire(t, bodyFormat),
      });
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/tasks/:id",
    scopes: READ_TASK,
    handler: async (ctx, request) =>
      taskWire(taskOf(ctx, request), enumValue(query(request), "body-format", BULK_FORMATS)),
  },
  {
    method: "PUT",
    path: "/wiki/api/v2/tasks/:id",
    scopes: WRITE_TASK,
    handler: async (ctx, request) => {
      const task = taskOf(ctx, request);
      const bodyFormat = enumValue(query(request), "body-format", BULK_FORMATS);
      const status = jsonObject(request).status;
      if (status !== "complete" && status !== "incomplete") {
        throw badRequest("status must be complete or incomplete");
      }
      const now = new Date().toISOString();
      if (status !== task.status) {
        task.status = status;
        task.updatedAt = now;
        task.completedBy = status === "complete" ? ctx.user(request).accountId : undefined;
        task.completedAt = status === "complete" ? now : undefined;
        ctx.store.content.touch();
      }
      return taskWire(task, bodyFormat);
    },
  },
];
