// The fault injector: a RouteInterceptor (src/emulator/interceptors.ts) that decides, per
// request and with a seeded PRNG, whether to rate limit, fail, delay, stall, reset or truncate.
// At most one disruptive fault per request and rule, chosen by a single draw, so the configured
// rates are the observed shares.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { RouteInterceptor } from "../interceptors.js";
import { faultErrorBody } from "./error-body.js";
import { compilePathPattern, type PathMatcher } from "./pattern.js";
import { mulberry32 } from "./prng.js";
import {
  answerNow,
  dropAnswer,
  resetConnection,
  stallAnswer,
  truncateAnswer,
} from "./socket-faults.js";
import { FaultTimers } from "./timers.js";
import { emptyStats, type FaultConfig, type FaultRule, type FaultStats } from "./types.js";

interface ActiveRule {
  rule: FaultRule & { id: string };
  path: PathMatcher;
  methods: Set<string> | undefined;
  stats: FaultStats;
  windowStart: number;
  windowCount: number;
  applied: number;
}

type AfterFault = { kind: "resetAfter" } | { kind: "truncate" } | { kind: "stall"; ms: number };

interface Pending {
  fault?: AfterFault;
  nearLimit: boolean;
}

const DISRUPTIONS = ["error", "resetBefore", "stall", "resetAfter", "truncate"] as const;

export interface FaultListing {
  seed: number;
  rules: (FaultRule & { id: string; stats: FaultStats })[];
}

export class FaultInjector implements RouteInterceptor {
  private rules: ActiveRule[] = [];
  private seed = 1;
  private random = mulberry32(1);
  private readonly pending = new WeakMap<FastifyRequest, Pending>();
  private readonly timers = new FaultTimers();

  constructor(
    /** Told whether any rule is set, so an idle injector can leave the request path. */
    private readonly onActiveChange: (active: boolean) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Replaces every rule and reseeds the PRNG. */
  configure(config: FaultConfig): FaultListing {
    this.seed = config.seed ?? 1;
    this.random = mulberry32(this.seed);
    const start = this.now();
    this.rules = config.rules.map((rule, index) => {
      const methods = rule.method === undefined ? ["*"] : [rule.method].flat();
      return {
        rule: { ...rule, id: rule.id ?? `rule-${index + 1}` },
        path: compilePathPattern(rule.path ?? "/**"),
        methods: methods.includes("*") ? undefined : new Set(methods),
        stats: emptyStats(),
        windowStart: start,
        windowCount: 0,
        applied: 0,
      };
    });
    this.onActiveChange(this.rules.length > 0);
    return this.list();
  }

  clear(): void {
    this.configure({ rules: [] });
  }

  /** Cancels every pending fault timer (the emulator is closing). */
  shutdown(): void {
    this.timers.cancelAll();
  }

  list(): FaultListing {
    return {
      seed: this.seed,
      rules: this.rules.map((active) => ({ ...active.rule, stats: { ...active.stats } })),
    };
  }

  async before(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (this.rules.length === 0) return;
    const url = request.url;
    const queryAt = url.indexOf("?");
    const path = queryAt >= 0 ? url.slice(0, queryAt) : url;
    const pending: Pending = { nearLimit: false };
    for (const active of this.rules) {
      if (active.methods !== undefined && !active.methods.has(request.method)) continue;
      if (!active.path(path)) continue;
      const { rule, stats } = active;
      if (rule.times !== undefined && active.applied >= rule.times) continue;
      active.applied++;
      stats.matched++;

      if (rule.rateLimit !== undefined && this.rateLimited(active, request, reply, pending)) {
        return;
      }
      if (rule.latency !== undefined) {
        await this.timers.sleep(
          rule.latency.ms + Math.floor(this.random() * (rule.latency.jitterMs ?? 0)),
        );
      }
      const disruption = this.draw(rule);
      if (disruption === "error" && rule.error !== undefined) {
        stats.errors++;
        const statuses = [rule.error.status ?? 500].flat();
        const status = statuses[Math.floor(this.random() * statuses.length)] ?? 500;
        const headers: Record<string, string> = {};
        if (rule.error.retryAfter !== undefined) {
          headers["retry-after"] = String(rule.error.retryAfter);
        }
        answerNow(reply, status, headers, faultErrorBody(url, status));
        return;
      }
      if (disruption === "resetBefore") {
        stats.resetsBefore++;
        reply.hijack();
        resetConnection(request);
        return;
      }
      if (disruption === "stall" && rule.stall !== undefined) {
        stats.stalls++;
        if (rule.stall.phase === "body") pending.fault ??= { kind: "stall", ms: rule.stall.ms };
        else await this.timers.sleep(rule.stall.ms);
      }
      if (disruption === "resetAfter") {
        stats.resetsAfter++;
        pending.fault ??= { kind: "resetAfter" };
      }
      if (disruption === "truncate") {
        stats.truncated++;
        pending.fault ??= { kind: "truncate" };
      }
    }
    if (pending.fault !== undefined || pending.nearLimit) this.pending.set(request, pending);
  }

  after(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const pending = this.pending.get(request);
    if (pending === undefined) return payload;
    this.pending.delete(request);
    if (pending.nearLimit) reply.header("x-ratelimit-nearlimit", "true");
    switch (pending.fault?.kind) {
      case "resetAfter":
        return dropAnswer(request);
      case "truncate":
        return truncateAnswer(request, reply, payload, this.timers);
      case "stall":
        return stallAnswer(reply, payload, pending.fault.ms, this.timers);
      default:
        return payload;
    }
  }

  /** Fixed-window counter; answers 429 itself when the window's budget is spent. */
  private rateLimited(
    active: ActiveRule,
    request: FastifyRequest,
    reply: FastifyReply,
    pending: Pending,
  ): boolean {
    const limit = active.rule.rateLimit!;
    const now = this.now();
    if (now - active.windowStart >= limit.windowMs) {
      // Align to the window grid so Retry-After stays truthful.
      const windows = Math.floor((now - active.windowStart) / limit.windowMs);
      active.windowStart += windows * limit.windowMs;
      active.windowCount = 0;
    }
    active.windowCount++;
    const resetAt = active.windowStart + limit.windowMs;
    if (active.windowCount > limit.requests) {
      active.stats.rateLimited++;
      const retryAfter = limit.retryAfter ?? Math.ceil((resetAt - now) / 1000);
      // Headers as Atlassian documents them (developer.atlassian.com/cloud/confluence/rate-limiting/).
      answerNow(
        reply,
        429,
        {
          "retry-after": String(retryAfter),
          "x-ratelimit-limit": String(limit.requests),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": new Date(resetAt).toISOString(),
        },
        faultErrorBody(request.url, 429, "Too Many Requests", "TOO_MANY_REQUESTS"),
      );
      return true;
    }
    if (
      limit.nearLimitAt !== undefined &&
      active.windowCount >= Math.ceil(limit.requests * limit.nearLimitAt)
    ) {
      active.stats.nearLimit++;
      pending.nearLimit = true;
    }
    return false;
  }

  private draw(rule: FaultRule): (typeof DISRUPTIONS)[number] | undefined {
    const u = this.random();
    let threshold = 0;
    for (const kind of DISRUPTIONS) {
      threshold += rule[kind]?.rate ?? 0;
      if (u < threshold) return kind;
    }
    return undefined;
  }
}
