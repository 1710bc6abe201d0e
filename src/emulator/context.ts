// What every site route needs: the (replaceable on reset) store, cached list views, and the
// authenticated user of the current request.
import type { FastifyRequest } from "fastify";
import type { UserRecord } from "./model.js";
import { ViewCache } from "./sorting.js";
import type { Store } from "./store.js";

export class SiteContext {
  readonly views = new ViewCache();
  private readonly principals = new WeakMap<FastifyRequest, UserRecord>();

  constructor(public store: Store) {}

  replaceStore(store: Store): void {
    this.store = store;
    this.views.clear();
  }

  setUser(request: FastifyRequest, user: UserRecord): void {
    this.principals.set(request, user);
  }

  user(request: FastifyRequest): UserRecord {
    return this.principals.get(request) ?? this.store.defaultUser;
  }
}
