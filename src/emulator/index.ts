// Public entry of the Confluence Cloud emulator (docs/architecture.md, "Emulator").
import { generateSpace } from "./generate.js";
import { siteUrl } from "./listen-address.js";
import type { UserRecord } from "./model.js";
import type { EmulatorOptions, EmulatorUser, RunningEmulator } from "./options.js";
import { seedDemo } from "./seed.js";
import { seedContentDemo } from "./seed-content.js";
import { seedPermissionsDemo } from "./seed-perms.js";
import { buildEmulatorApp } from "./server.js";
import { Store } from "./store.js";

export type { FaultConfig, FaultRule, FaultStats } from "./faults/types.js";
export { isLoopbackHost, isWildcardHost } from "./listen-address.js";
export type { EmulatorOAuthOptions } from "./oauth/index.js";
export { DEFAULT_OAUTH_CLIENT, SITE_IDS } from "./oauth/index.js";
export type {
  EmulatorExchange,
  EmulatorOptions,
  EmulatorUser,
  GenerateOptions,
  RunningEmulator,
} from "./options.js";
export { StateFileError, StateShapeError } from "./persistence/index.js";
export { DEMO_IDS } from "./seed.js";
export { DEMO_CONTENT_IDS } from "./seed-content.js";
export { DEMO_VIEWER } from "./seed-perms.js";
export type { EmulatorLimits } from "./server-limits.js";

export const DEFAULT_USER: Required<EmulatorUser> = {
  email: "demo@example.com",
  apiToken: "demo-token",
  // Atlassian account ids look like `557058:<uuid>`.
  accountId: "557058:00000000-0000-4000-8000-000000000001",
  displayName: "Demo User",
};

function userRecords(extra: EmulatorUser[] = []): UserRecord[] {
  return [DEFAULT_USER, ...extra].map((user, index) => ({
    email: user.email,
    apiToken: user.apiToken,
    accountId:
      user.accountId ?? `557058:00000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`,
    displayName: user.displayName ?? user.email,
  }));
}

function buildStore(options: EmulatorOptions): Store {
  const store = new Store(userRecords(options.users));
  if ((options.seed ?? "demo") === "demo") {
    seedDemo(store);
    seedContentDemo(store);
    seedPermissionsDemo(store);
  }
  if (options.generate) generateSpace(store, options.generate);
  return store;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  // `reset` is wired before the app exists; it is only called once listening.
  let resetData = (): void => {};
  const emulator = buildEmulatorApp(buildStore(options), options, () => resetData());
  // A saved state replaces the seed before the first request.
  await emulator.persistence.open();
  resetData = () => {
    emulator.ctx.replaceStore(buildStore(options));
    emulator.oauth.resetData();
    emulator.log.clear();
  };
  await emulator.app.listen({ port: options.port ?? 0, host });
  const address = emulator.app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  return {
    url: siteUrl(host, port),
    credentials: { email: DEFAULT_USER.email, apiToken: DEFAULT_USER.apiToken },
    close: () => emulator.app.close(),
    reset: () => resetData(),
  };
}
