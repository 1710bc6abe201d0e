// Fault injection for the emulator: one injector per emulator, plugged into the site's
// interceptor chain and controlled through /__emulator/faults or `startEmulator({ faults })`.
import type { FastifyInstance } from "fastify";
import type { InterceptorChain } from "../interceptors.js";
import { registerFaultAdmin } from "./admin.js";
import { FaultInjector } from "./injector.js";
import { parseFaultConfig } from "./parse-config.js";
import type { FaultConfig } from "./types.js";

export type { FaultListing } from "./injector.js";
export { FaultInjector } from "./injector.js";
export { FaultConfigError, parseFaultConfig } from "./parse-config.js";
export type * from "./types.js";

export function installFaults(
  app: FastifyInstance,
  interceptors: InterceptorChain,
  initial: FaultConfig | undefined,
): FaultInjector {
  // Only in the chain while rules exist: without faults the emulator's hot path stays as fast
  // as before (benchmarks).
  let detach: (() => void) | undefined;
  const injector: FaultInjector = new FaultInjector((active) => {
    if (active && detach === undefined) detach = interceptors.add(injector);
    if (!active && detach !== undefined) {
      detach();
      detach = undefined;
    }
  });
  if (initial !== undefined) injector.configure(parseFaultConfig(initial));
  registerFaultAdmin(app, injector);
  app.addHook("onClose", async () => injector.shutdown());
  return injector;
}
