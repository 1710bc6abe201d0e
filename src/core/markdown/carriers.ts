// How Confluence-specific content travels through Markdown (docs/markdown.md):
// - anything without a Markdown form, at block level: a fenced block ```confluence-storage``` whose
//   text is the storage XHTML itself; inline: the text directive `:storage{xml="…"}`;
// - links and images to Confluence resources: `[text](confluence:page?content-title=…)`, the
//   resource's attributes (and the link's or image's own `ac:` attributes) as query parameters;
// - fenced code's extra macro parameters: `key=value` words after the language, values
//   percent-encoded.

export const RAW_FENCE = "confluence-storage";
export const RAW_INLINE = "storage";
export const RESOURCE_SCHEME = "confluence:";
/** Directive names that are elements, not macros. */
export const ELEMENT_DIRECTIVES = new Set([
  "emoticon",
  "layout",
  "layout-section",
  "layout-cell",
  RAW_INLINE,
]);

export type Pairs = [string, string][];

/** Percent-encoding that leaves `:` readable (`ac:width`, account ids `557058:abc…`). */
// Parentheses are encoded too, so that a destination never needs escapes (markdown-io.ts).
const encode = (text: string) =>
  encodeURIComponent(text).replaceAll("%3A", ":").replaceAll("(", "%28").replaceAll(")", "%29");

/** `key=value&…` with each part percent-encoded (`%20` for spaces, unlike URLSearchParams). */
export function encodePairs(pairs: Pairs, separator: string): string {
  return pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join(separator);
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray % written by a person: kept as written
  }
};

export function decodePairs(text: string, separator: string): Pairs {
  if (text === "") return [];
  return text
    .split(separator)
    .filter((part) => part !== "")
    .map((part) => {
      const at = part.indexOf("=");
      return at < 0 ? [decode(part), ""] : [decode(part.slice(0, at)), decode(part.slice(at + 1))];
    });
}

/** `confluence:page?content-title=X` → { resource: "page", pairs }. */
export function parseResourceUrl(url: string): { resource: string; pairs: Pairs } | undefined {
  if (!url.startsWith(RESOURCE_SCHEME)) return undefined;
  const rest = url.slice(RESOURCE_SCHEME.length);
  const q = rest.indexOf("?");
  const resource = q < 0 ? rest : rest.slice(0, q);
  return { resource: decode(resource), pairs: decodePairs(q < 0 ? "" : rest.slice(q + 1), "&") };
}

export const resourceUrl = (resource: string, pairs: Pairs) =>
  `${RESOURCE_SCHEME}${encode(resource)}${pairs.length ? `?${encodePairs(pairs, "&")}` : ""}`;
