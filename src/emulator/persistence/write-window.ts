// Which requests that may write are being handled right now. Store collections mark the keys
// fetched through them only then (store-part.ts): a record a read fetches is not journaled by
// the next write, so reads between writes cost the journal nothing.
import type { FastifyRequest } from "fastify";

export class WriteWindow {
  private readonly inside = new WeakSet<FastifyRequest>();
  private count = 0;

  get open(): boolean {
    return this.count > 0;
  }

  enter(request: FastifyRequest): void {
    if (this.inside.has(request)) return;
    this.inside.add(request);
    this.count += 1;
  }

  /** Idempotent: the response and an abort may both report the same request. */
  leave(request: FastifyRequest): void {
    if (!this.inside.delete(request)) return;
    this.count -= 1;
  }
}
