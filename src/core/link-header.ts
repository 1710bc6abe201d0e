// RFC 8288 Link header parsing, enough for Confluence's
// `Link: </wiki/api/v2/pages?cursor=abc>; rel="next", <https://x.atlassian.net/wiki>; rel="base"`
// (documented on the 200 responses of list operations in confluence-v2.json, e.g. getPages).

/** Map of relation type → URL (as sent: usually site-relative). First occurrence wins. */
export function parseLinkHeader(
  header: string | readonly string[] | undefined,
): Record<string, string> {
  const links: Record<string, string> = {};
  if (header === undefined) return links;
  const text = typeof header === "string" ? header : header.join(", ");
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf("<", index);
    if (open < 0) break;
    // The URL ends at the first ">" followed by optional spaces and ";", "," or the end.
    const closeMatch = /> *(?=;|,|$)/g;
    closeMatch.lastIndex = open + 1;
    const close = closeMatch.exec(text);
    if (close === null) break;
    const url = text.slice(open + 1, close.index);
    const paramsEnd = findNextLinkStart(text, closeMatch.lastIndex);
    const params = text.slice(closeMatch.lastIndex, paramsEnd);
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(params);
    const relValue = rel?.[1] ?? rel?.[2];
    if (relValue !== undefined) {
      for (const type of relValue.trim().toLowerCase().split(/\s+/)) {
        if (type !== "" && !(type in links)) links[type] = url;
      }
    }
    index = paramsEnd;
  }
  return links;
}

function findNextLinkStart(text: string, from: number): number {
  let inQuotes = false;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === "," && !inQuotes) return i + 1;
  }
  return text.length;
}
