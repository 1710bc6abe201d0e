// Random storage documents built from the constructs the converter knows (and some it does
// not), for test/markdown/property.test.ts.
import fc from "fast-check";

const escapeXml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

/** Text a person types: letters plus every character Markdown gives a meaning to. */
const TYPED = [..."abcdefgh XYZ019", ..."*_`#[]()!<>&|~:\\-+.=\"'{}", "é", "\u00a0", "😀"];

/** `clean`: words without edge spaces (Markdown has a form for them, no carrier needed). */
export function storageDocument(clean: boolean) {
  const rawText = fc
    .array(fc.constantFrom(...TYPED), { minLength: 1, maxLength: 14 })
    .map((chars) => chars.join(""));
  const text = clean
    ? fc
        .stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.]{0,12}[A-Za-z0-9]$/)
        .map((t) => t.replace(/ +/g, " "))
    : rawText;
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/);
  const attrValue = text.map(escapeXml);

  const { inline } = fc.letrec<{ inline: string; leaf: string }>((tie) => ({
    leaf: fc.oneof(
      { weight: 6, arbitrary: text.map(escapeXml) },
      fc.constant('<ac:emoticon ac:name="smile" />'),
      attrValue.map(
        (t) =>
          `<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">${t}</ac:parameter></ac:structured-macro>`,
      ),
      fc
        .tuple(attrValue, word)
        .map(
          ([t, space]) =>
            `<ac:link><ri:page ri:space-key="${space}" ri:content-title="${t}" /><ac:plain-text-link-body><![CDATA[${t}]]></ac:plain-text-link-body></ac:link>`,
        ),
      word.map((id) => `<ac:link><ri:user ri:account-id="557058:${id}" /></ac:link>`),
      word.map((f) => `<ac:link><ri:attachment ri:filename="${f}.pdf" /></ac:link>`),
      fc
        .tuple(word, attrValue)
        .map(
          ([f, alt]) =>
            `<ac:image ac:alt="${alt}" ac:width="200"><ri:attachment ri:filename="${f}.png" /></ac:image>`,
        ),
      word.map((w) => `<ac:image><ri:url ri:value="https://example.com/${w}.png" /></ac:image>`),
      text.map((t) => `<code>${escapeXml(t)}</code>`),
      // A line break at a paragraph's edge has no Markdown form: only in the carried case.
      ...(clean ? [] : [fc.constant("<br />")]),
      text.map((t) => `<u>${escapeXml(t)}</u>`),
      text.map(
        (t) => `<ac:inline-comment-marker ac:ref="r1">${escapeXml(t)}</ac:inline-comment-marker>`,
      ),
    ),
    inline: fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: tie("leaf") },
          tie("leaf").map((t) => `<strong>${t}</strong>`),
          tie("leaf").map((t) => `<em>${t}</em>`),
          tie("leaf").map((t) => `<s>${t}</s>`),
          // Clean: text only, since Markdown has no link inside a link.
          fc
            .tuple(word, clean ? text.map(escapeXml) : tie("leaf"))
            .map(([w, t]) => `<a href="https://example.com/${w}?a=1&amp;b=2">${t}</a>`),
        ),
        { minLength: 1, maxLength: 5 },
      )
      // Clean: spaced, since `<s>a</s><s>b</s>` has no Markdown form (`~~a~~~~b~~` is one run).
      .map((parts) => parts.join(clean ? " " : "")),
  })) as { inline: fc.Arbitrary<string> };

  const { blocks } = fc.letrec<{ block: string; blocks: string }>((tie) => ({
    block: fc.oneof(
      { maxDepth: 2, depthIdentifier: "blocks" },
      { weight: 6, arbitrary: inline.map((t) => `<p>${t}</p>`) },
      fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, t]) => `<h${n}>${t}</h${n}>`),
      fc
        .tuple(fc.boolean(), fc.array(tie("blocks"), { minLength: 1, maxLength: 3 }))
        .map(([ordered, items]) => {
          const tag = ordered ? "ol" : "ul";
          return `<${tag}>${items.map((item) => `<li>${item}</li>`).join("")}</${tag}>`;
        }),
      fc
        .tuple(fc.constantFrom("java", "python", "bash", "text"), rawText)
        .map(
          ([language, code]) =>
            `<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">${language}</ac:parameter><ac:plain-text-body><![CDATA[${code}]]></ac:plain-text-body></ac:structured-macro>`,
        ),
      fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), inline)
        .map(([rows, cols, t]) => {
          const row = (cell: string) =>
            `<tr>${Array(cols).fill(`<${cell}><p>${t}</p></${cell}>`).join("")}</tr>`;
          return `<table><tbody>${row("th")}${Array(rows).fill(row("td")).join("")}</tbody></table>`;
        }),
      fc
        .array(fc.tuple(fc.boolean(), inline), { minLength: 1, maxLength: 3 })
        .map(
          (tasks) =>
            `<ac:task-list>${tasks
              .map(
                ([done, t]) =>
                  `<ac:task><ac:task-id>#</ac:task-id><ac:task-status>${done ? "complete" : "incomplete"}</ac:task-status><ac:task-body>${t}</ac:task-body></ac:task>`,
              )
              .join("")}</ac:task-list>`,
        ),
      fc
        .tuple(
          fc.constantFrom("info", "note", "warning", "tip", "panel", "expand"),
          attrValue,
          tie("blocks"),
        )
        .map(
          ([name, title, body]) =>
            `<ac:structured-macro ac:name="${name}"><ac:parameter ac:name="title">${title}</ac:parameter><ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`,
        ),
      fc
        .array(tie("blocks"), { minLength: 1, maxLength: 3 })
        .map(
          (cells) =>
            `<ac:layout><ac:layout-section ac:type="three_equal">${cells.map((c) => `<ac:layout-cell>${c}</ac:layout-cell>`).join("")}</ac:layout-section></ac:layout>`,
        ),
      tie("blocks").map(
        (body) =>
          `<ac:structured-macro ac:name="unknown-macro" ac:macro-id="m1"><ac:parameter ac:name="">x</ac:parameter><ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`,
      ),
      tie("blocks").map((body) => `<blockquote>${body}</blockquote>`),
      fc.constant("<hr />"),
    ),
    blocks: fc.array(tie("block"), { minLength: 1, maxLength: 3 }).map((parts) => parts.join("")),
  })) as { blocks: fc.Arbitrary<string> };

  // Confluence numbers a page's tasks 1, 2, 3 … in document order.
  return blocks.map((doc) => {
    let id = 0;
    return doc.replace(/<ac:task-id>#<\/ac:task-id>/g, () => `<ac:task-id>${++id}</ac:task-id>`);
  });
}
