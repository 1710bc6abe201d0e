// The host rules of host.ts, applied again where a name becomes an address: a host name that
// resolves to a link-local/metadata address (e.g. a wildcard DNS name spelling
// 169.254.169.254), or to this machine when loopback is not allowed, is refused before any
// socket opens. IP literals never reach a lookup; host.ts has checked those already.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { classifyHost } from "./address-class.js";

export type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** Code of the error a refused address produces (reported as a network error, nothing sent). */
export const REFUSED_ADDRESS_CODE = "ERR_CONFLUENCE_REFUSED_ADDRESS";

function refusal(hostname: string, address: string, loopback: boolean): NodeJS.ErrnoException {
  const what = loopback
    ? "this machine, which is refused unless loopback hosts are allowed (allowLoopbackHttp)"
    : "a link-local or cloud metadata address, which is never a Confluence site";
  return Object.assign(new Error(`${hostname} resolves to ${address}: ${what}`), {
    code: REFUSED_ADDRESS_CODE,
  });
}

/** A `lookup` for net/tls.connect (undici's `connect` options) that applies the host rules. */
export function guardedLookup(
  allowLoopback: boolean,
  resolve: Resolver = dnsLookup as Resolver,
): LookupFunction {
  return (hostname, options, callback) => {
    // A name that says "this machine" (localhost) was vetted as such by the host rules, e.g. an
    // operator's atlassianBaseUrl; only names that hide where they lead are checked here.
    const mayBeLoopback = allowLoopback || classifyHost(hostname) === "loopback";
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) {
        callback(error, "");
        return;
      }
      for (const { address } of addresses) {
        const kind = classifyHost(address);
        if (kind === "link-local" || (kind === "loopback" && !mayBeLoopback)) {
          callback(refusal(hostname, address, kind === "loopback"), "");
          return;
        }
      }
      const [first] = addresses;
      if (options.all === true) callback(null, addresses);
      else if (first === undefined)
        callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
      else callback(null, first.address, first.family);
    });
  };
}
