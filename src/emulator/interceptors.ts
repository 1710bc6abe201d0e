// The single hook point around every site route handler. Fault injection (rate limits, error
// rates, latency, stalls, connection resets, truncated bodies — /__emulator/faults) will plug in
// here without touching the routes.
import type { FastifyReply, FastifyRequest } from "fastify";

export interface RouteInterceptor {
  /** Before the handler; may reply itself (e.g. an injected 429) or delay. */
  before?(request: FastifyRequest, reply: FastifyReply): Promise<void> | void;
  /** After the handler, before the payload is written; may replace the payload. */
  after?(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
  ): Promise<unknown> | unknown;
}

export class InterceptorChain {
  private readonly interceptors: RouteInterceptor[] = [];

  add(interceptor: RouteInterceptor): () => void {
    this.interceptors.push(interceptor);
    return () => {
      const index = this.interceptors.indexOf(interceptor);
      if (index >= 0) this.interceptors.splice(index, 1);
    };
  }

  get empty(): boolean {
    return this.interceptors.length === 0;
  }

  async before(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    for (const interceptor of this.interceptors) {
      await interceptor.before?.(request, reply);
      if (reply.sent) return;
    }
  }

  async after(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    let current = payload;
    for (const interceptor of this.interceptors) {
      if (interceptor.after) current = await interceptor.after(request, reply, current);
    }
    return current;
  }
}
