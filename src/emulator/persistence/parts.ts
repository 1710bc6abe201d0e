// The parts of an emulator's state: both sites' stores (journaled by record, store-part.ts), the
// OAuth tokens (a generic holder, state-graph.ts, journaled whole) and the fault rules (through
// the injector's own configuration format, since its compiled matchers are code).
import type { SiteContext } from "../context.js";
import { type FaultInjector, parseFaultConfig } from "../faults/index.js";
import type { OAuthGateway } from "../oauth/index.js";
import { wholePart } from "./journaled.js";
import { type EmulatorState, holderPart, type StatePart } from "./state.js";
import { storePart } from "./store-part.js";

function faultsPart(injector: FaultInjector): StatePart {
  return {
    // The rules as configured; their counters and the PRNG restart, as after a POST.
    capture: () => {
      const { seed, rules } = injector.list();
      return { seed, rules: rules.map(({ stats: _stats, ...rule }) => rule) };
    },
    check: (data) => void parseFaultConfig(data),
    restore: (data) => void injector.configure(parseFaultConfig(data)),
  };
}

export function addEmulatorParts(
  state: EmulatorState,
  parts: { ctx: SiteContext; injector: FaultInjector; oauth: OAuthGateway },
): void {
  const { ctx, injector, oauth } = parts;
  const { second, tokens } = oauth.persisted;
  // Read through the contexts: a reset replaces their stores.
  state.add(
    "site",
    storePart(() => ctx.store, state.writes),
  );
  state.add(
    "secondSite",
    storePart(() => second.store, state.writes),
  );
  // The token lifetime is configuration (EmulatorOAuthOptions), not data.
  state.add("oauthTokens", wholePart(holderPart(() => tokens, ["ttlSeconds"])));
  state.add("faults", wholePart(faultsPart(injector)));
  state.onRestored(() => {
    // Same store, new contents: drop list views cached for the old ones.
    ctx.replaceStore(ctx.store);
    second.replaceStore(second.store);
  });
}
