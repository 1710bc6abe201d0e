// RFC 8288 Link header parsing, for the pagination contract of v2 list operations:
// `Link: </wiki/api/v2/pages?limit=5&cursor=...>; rel="next", <https://site/wiki>; rel="base"`
// (confluence-v2.json, getPages 200 response header `Link`, and x-atlassian-narrative "Using the
// REST API": the next URL is relative, keeps the request's parameters, and equals `_links.next`).

export interface LinkValue {
  url: string;
  rels: string[];
}

/** Parses a Link header; returns an error message instead when it is malformed. */
export function parseLinkHeader(header: string): LinkValue[] | string {
  const links: LinkValue[] = [];
  let rest = header.trim();
  while (rest.length > 0) {
    const target = /^<([^>]*)>\s*/.exec(rest);
    if (!target) return `expected "<url>" at "${rest.slice(0, 40)}"`;
    rest = rest.slice(target[0].length);
    const rels: string[] = [];
    while (rest.startsWith(";")) {
      const param = /^;\s*([A-Za-z0-9!#$&+.^_`|~-]+)\s*=\s*("[^"]*"|[^;,\s]+)\s*/.exec(rest);
      if (!param) return `malformed link parameter at "${rest.slice(0, 40)}"`;
      rest = rest.slice(param[0].length);
      const value = param[2]!.replace(/^"(.*)"$/, "$1");
      if (param[1]!.toLowerCase() === "rel") rels.push(...value.split(/\s+/).filter(Boolean));
    }
    if (rels.length === 0) return `link <${target[1]}> has no rel parameter`;
    links.push({ url: target[1]!, rels });
    if (rest.startsWith(",")) rest = rest.slice(1).trim();
    else if (rest.length > 0) return `expected "," between links at "${rest.slice(0, 40)}"`;
  }
  return links;
}

export function nextLink(links: readonly LinkValue[]): string | undefined {
  return links.find((link) => link.rels.includes("next"))?.url;
}
