// What the bound interface means for callers: the URL they should use, and whether the
// emulator (with its unauthenticated /__emulator/* endpoints) is reachable from other machines.
import { isIP } from "node:net";

/** Lower-case, brackets dropped, IPv6 in its canonical short form (`0:0::0` → `::`). */
function canonicalHost(host: string): string {
  const bare = host
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .toLowerCase();
  if (isIP(bare) === 6) return new URL(`http://[${bare}]`).hostname.slice(1, -1);
  return bare;
}

/** `0.0.0.0` / `::`: every interface, so the emulator is reachable from the network. */
export function isWildcardHost(host: string): boolean {
  const name = canonicalHost(host);
  return name === "0.0.0.0" || name === "::";
}

/** Only reachable from this machine: `localhost`, 127.0.0.0/8, `::1` (and IPv4-mapped 127.x). */
export function isLoopbackHost(host: string): boolean {
  const name = canonicalHost(host);
  if (name === "localhost" || name === "::1") return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return true;
  // `::ffff:127.0.0.1` canonicalises to `::ffff:7f00:1`.
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(name);
}

/**
 * The origin a local client should call. A wildcard address is not a destination (and the
 * connector accepts `http://` for loopback hosts only), so it maps to the loopback address of
 * the same family: `0.0.0.0` → `127.0.0.1`, `::` → `[::1]`.
 */
export function siteUrl(host: string, port: number): string {
  const name = canonicalHost(host);
  if (name === "0.0.0.0") return `http://127.0.0.1:${port}`;
  if (name === "::") return `http://[::1]:${port}`;
  return `http://${isIP(name) === 6 ? `[${name}]` : name}:${port}`;
}
