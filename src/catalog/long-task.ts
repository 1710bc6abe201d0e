// Waiting for a Confluence long-running task (v1 getTask, GET /wiki/rest/api/longtask/{id},
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-long-running-task/): polled
// on the runtime's clock with a doubling delay until it reports `finished`, or until the
// caller's timeout, whichever comes first.
import { ConfluenceError } from "../core/errors.js";
import type { RunContext } from "./types.js";

/** LongTaskStatus, as far as the wait reads it. */
export interface LongTaskStatus {
  id: string;
  finished: boolean;
  successful: boolean;
  messages?: unknown[];
  [field: string]: unknown;
}

/** The task had not finished by the timeout: it goes on in Confluence. */
export class LongTaskTimeoutError extends ConfluenceError {
  override name = "LongTaskTimeoutError";
  constructor(
    readonly taskId: string,
    readonly lastStatus: LongTaskStatus,
  ) {
    super(
      `Confluence's long-running task ${taskId} had not finished within the timeout; it continues in Confluence (poll GET /wiki/rest/api/longtask/${taskId}).`,
    );
  }
}

/** The task finished without success (`successful: false`). */
export class LongTaskFailedError extends ConfluenceError {
  override name = "LongTaskFailedError";
  constructor(readonly lastStatus: LongTaskStatus) {
    super(`Confluence's long-running task ${lastStatus.id} finished without success.`);
  }
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5_000;

export async function waitForLongTask(
  ctx: RunContext,
  taskId: string,
  timeoutMs: number,
): Promise<LongTaskStatus> {
  const deadline = ctx.clock.now() + timeoutMs;
  const signal = new AbortController().signal;
  let delay = FIRST_DELAY_MS;
  for (;;) {
    const { data: status } = await ctx.client.request<LongTaskStatus>({
      api: "v1",
      path: "/longtask/{id}",
      pathParams: { id: taskId },
      debug: ctx.debug,
    });
    if (status.finished) {
      if (!status.successful) throw new LongTaskFailedError(status);
      return status;
    }
    const left = deadline - ctx.clock.now();
    if (left <= 0) throw new LongTaskTimeoutError(taskId, status);
    await ctx.clock.sleep(Math.min(delay, left), signal);
    // A wait that overran the deadline (a suspended host) ends here; one that reached it exactly
    // gets a last poll.
    if (ctx.clock.now() > deadline) throw new LongTaskTimeoutError(taskId, status);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}
