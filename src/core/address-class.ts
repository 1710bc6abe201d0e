// What kind of place a host name or IP address points at, for the server-side request forgery
// rules of host.ts and of the connect-time check (guarded-lookup.ts). Host names arrive as
// WHATWG URL hostnames, which already turned every IPv4 spelling (`127.1`, `0x7f000001`,
// `2130706433`) into dotted quads and IPv6 into its compressed form in brackets.
import { isIP } from "node:net";

/**
 * - `loopback`: this machine (127/8, ::1, localhost, and 0.0.0.0 / :: which reach it too);
 * - `link-local`: 169.254/16 and fe80::/10 (cloud metadata services live there) and the other
 *   well-known metadata endpoints; never a Confluence site;
 * - `other`: anything else (public, private ranges, names that are neither).
 */
export type AddressClass = "loopback" | "link-local" | "other";

// Metadata services outside the link-local ranges: AWS's IPv6 endpoint (fd00:ec2::254),
// Alibaba Cloud (100.100.100.200), Azure's wire server (168.63.129.16); Google's by name.
const METADATA_IPV4 = new Set(["100.100.100.200", "168.63.129.16"]);
const METADATA_IPV6 = new Set(["fd00:ec2:0:0:0:0:0:254"]);
const METADATA_NAMES = new Set(["metadata.google.internal", "metadata"]);

function classifyIpv4(address: string): AddressClass {
  const [a, b] = address.split(".").map(Number);
  if (a === 127 || a === 0) return "loopback";
  if (a === 169 && b === 254) return "link-local";
  return METADATA_IPV4.has(address) ? "link-local" : "other";
}

/** Eight 16-bit groups of an IPv6 address (`::` expanded; a trailing dotted quad split). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad !== null) {
    const [, a, b, c, d] = quad.map(Number) as [number, number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function classifyIpv6(address: string): AddressClass {
  const groups = ipv6Groups(address);
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeroUpTo = (end: number) => groups.slice(0, end).every((group) => group === 0);
  // ::ffff:a.b.c.d reaches the IPv4 address a.b.c.d.
  if (zeroUpTo(5) && g5 === 0xffff) {
    return classifyIpv4(`${g6 >> 8}.${g6 & 0xff}.${g7 >> 8}.${g7 & 0xff}`);
  }
  if (zeroUpTo(7) && (g7 === 1 || g7 === 0)) return "loopback";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  return METADATA_IPV6.has(groups.map((group) => group.toString(16)).join(":"))
    ? "link-local"
    : "other";
}

/** Classifies an IP address (IPv6 with or without brackets) or a host name. */
export function classifyHost(host: string): AddressClass {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  const version = isIP(bare);
  if (version === 4) return classifyIpv4(bare);
  if (version === 6) return classifyIpv6(bare);
  const name = bare.toLowerCase().replace(/\.$/, "");
  // RFC 6761 6.3: localhost and every name under it resolve to loopback.
  if (name === "localhost" || name.endsWith(".localhost")) return "loopback";
  return METADATA_NAMES.has(name) ? "link-local" : "other";
}

/**
 * Confluence Cloud sites live under atlassian.net, Atlassian's own services under atlassian.com.
 * A site may also have a custom domain, but its REST API stays at the atlassian.net address
 * (https://community.developer.atlassian.com/t/rfc-35-custom-domains-support-for-confluence/77151),
 * so any other host is allowed yet worth a warning.
 */
export function isAtlassianHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return [".atlassian.net", ".atlassian.com"].some(
    (suffix) => name.endsWith(suffix) || name === suffix.slice(1),
  );
}
