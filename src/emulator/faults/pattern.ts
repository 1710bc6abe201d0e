// Route patterns of fault rules: `*` matches inside one path segment, `**` any run of segments
// (including none), everything else literally. Compiled once per rule.
export function compilePathPattern(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === "*" && pattern[i + 1] === "*") {
      // "/**" also matches the bare prefix ("/wiki/api/v2/pages/**" matches ".../pages").
      if (source.endsWith("/")) source = `${source.slice(0, -1)}(?:/.*)?`;
      else source += ".*";
      i++;
    } else if (char === "*") {
      source += "[^/]*";
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}/?$`);
}
