// Storage documents the round trip must keep (test/markdown/round-trip.test.ts). `native`:
// every block has a Markdown form, so the Markdown must carry no ```confluence-storage```
// block. Shapes from https://confluence.atlassian.com/doc/confluence-storage-format-790796544.html
export interface CorpusDocument {
  readonly name: string;
  readonly storage: string;
  readonly native: boolean;
  /** Text the Markdown must contain (the readable form of the construct). */
  readonly markdownHas?: readonly string[];
}

const task = (id: number, status: string, body: string) =>
  `<ac:task><ac:task-id>${id}</ac:task-id><ac:task-status>${status}</ac:task-status><ac:task-body>${body}</ac:task-body></ac:task>`;

export const CORPUS: readonly CorpusDocument[] = [
  {
    name: "headings and paragraphs",
    storage:
      "<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6><p>Text.</p><p>More text, with &amp; &lt;tags&gt; and &quot;quotes&quot;.</p>",
    native: true,
    markdownHas: ["# One", "###### Six"],
  },
  {
    name: "emphasis, inline code, strikethrough, line break",
    storage:
      "<p>A <strong>bold</strong> <em>italic</em> <strong><em>both</em></strong> <code>x = 1</code> <s>old</s> line<br />next</p>",
    native: true,
    markdownHas: ["**bold**", "_italic_", "`x = 1`", "~~old~~"],
  },
  {
    name: "Markdown-significant characters in text",
    storage:
      "<p>*not bold* _not em_ # not heading [not](link) `not code` 1. not list | pipe \\ backslash &lt;b&gt; ~~no~~ :not-directive{x=1}</p><p>+ plus</p><p>- dash</p>",
    native: true,
  },
  {
    name: "external links",
    storage:
      '<p><a href="https://example.com/a?b=1&amp;c=2">a link</a> and <a href="https://example.com/x_(y)"><strong>rich</strong> text</a></p>',
    native: true,
    markdownHas: ["[a link](https://example.com/a?b=1\\&c=2)"],
  },
  {
    name: "lists, nested and ordered",
    storage:
      '<ul><li><p>one</p></li><li><p>two</p><ul><li><p>two.one</p></li></ul></li></ul><ol><li><p>first</p></li><li><p>second</p></li></ol><ol start="4"><li><p>fourth</p><p>second paragraph</p></li></ol>',
    native: true,
    // The second ordered list switches to `)` so that Markdown does not merge it with the first.
    markdownHas: ["- one", "1. first", "4) fourth"],
  },
  {
    name: "legacy list items without paragraphs (carried)",
    storage: "<ul><li>plain</li><li>items</li></ul>",
    native: false,
  },
  {
    name: "code macro with language and parameters",
    storage:
      '<ac:structured-macro ac:name="code" ac:schema-version="1" ac:macro-id="d1e3"><ac:parameter ac:name="language">typescript</ac:parameter><ac:parameter ac:name="title">Example (1)</ac:parameter><ac:parameter ac:name="linenumbers">true</ac:parameter><ac:plain-text-body><![CDATA[const a = "<b>" && 1;\n\n```\nnested fence\n```\n// ]]]]><![CDATA[> end]]></ac:plain-text-body></ac:structured-macro>',
    native: true,
    markdownHas: ["typescript ac:schema-version=1"],
  },
  {
    name: "code macro without a language (carried)",
    storage:
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[plain]]></ac:plain-text-body></ac:structured-macro>',
    native: false,
  },
  {
    name: "table",
    storage:
      "<table><tbody><tr><th><p>Name</p></th><th><p>Value</p></th></tr><tr><td><p><strong>a</strong> | b</p></td><td><p /></td></tr><tr><td><p><code>c</code></p></td><td><p>d</p></td></tr></tbody></table>",
    native: true,
    markdownHas: ["| Name | Value |"],
  },
  {
    name: "table with Confluence Cloud attributes and colgroup (carried)",
    storage:
      '<table data-layout="default" ac:local-id="t1"><colgroup><col style="width: 200.0px;" /></colgroup><tbody><tr><th><p>A</p></th></tr></tbody></table>',
    native: false,
  },
  {
    name: "task lists",
    storage: `<ac:task-list>${task(1, "incomplete", "Write the tests")}${task(2, "complete", "Ship <strong>it</strong>")}</ac:task-list><p>between</p><ac:task-list>${task(3, "incomplete", "later")}</ac:task-list>`,
    native: true,
    markdownHas: ["- [ ] Write the tests", "- [x] Ship **it**"],
  },
  {
    name: "task list with ids out of sequence (carried)",
    storage: `<ac:task-list>${task(7, "incomplete", "seven")}</ac:task-list>`,
    native: false,
  },
  {
    name: "links to pages, blog posts, attachments, anchors; mentions",
    storage:
      '<p><ac:link><ri:page ri:space-key="DOC" ri:content-title="Getting started" /></ac:link> <ac:link ac:anchor="install"><ri:page ri:content-title="Setup &amp; (more)" /><ac:plain-text-link-body><![CDATA[install <here>]]></ac:plain-text-link-body></ac:link> <ac:link><ri:blog-post ri:content-title="News" ri:posting-day="2024/01/02" /><ac:link-body><strong>rich</strong> body</ac:link-body></ac:link> <ac:link><ri:attachment ri:filename="report 2024.pdf" /><ac:plain-text-link-body><![CDATA[the report]]></ac:plain-text-link-body></ac:link> <ac:link><ri:user ri:account-id="557058:0f8c-42" /></ac:link></p>',
    native: true,
    markdownHas: [
      "[](confluence:page?space-key=DOC&content-title=Getting%20started)",
      "[](confluence:user?account-id=557058:0f8c-42)",
    ],
  },
  {
    name: "attachment on another page (carried inline)",
    storage:
      '<p><ac:link><ri:attachment ri:filename="a.pdf"><ri:page ri:content-title="Other" /></ri:attachment></ac:link></p>',
    native: true,
    markdownHas: [':storage{xml="'],
  },
  {
    name: "images",
    storage:
      '<p><ac:image ac:alt="Logo" ac:title="Our logo"><ri:url ri:value="https://example.com/logo.png" /></ac:image> <ac:image ac:width="250" ac:align="center"><ri:attachment ri:filename="diagram.png" /></ac:image> <ac:image><ri:url ri:value="relative.png" /></ac:image></p>',
    native: true,
    markdownHas: [
      '![Logo](https://example.com/logo.png "Our logo")',
      "![](confluence:attachment?filename=diagram.png&ac:width=250&ac:align=center)",
    ],
  },
  {
    name: "emoticons and status lozenges",
    storage:
      '<p>Mood <ac:emoticon ac:name="smile" /> <ac:emoticon ac:name="blue-star" ac:emoji-shortname=":star:" ac:emoji-id="2b50" ac:emoji-fallback="⭐" /> state <ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">DONE</ac:parameter></ac:structured-macro></p>',
    native: true,
    markdownHas: [
      ':emoticon{ac:name="smile"}',
      ':status{ac:schema-version="1" colour="Green" title="DONE"}',
    ],
  },
  {
    name: "panels: info, note, warning, tip, panel with Markdown bodies",
    storage:
      '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Info <strong>body</strong></p></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="note"><ac:parameter ac:name="title">Careful</ac:parameter><ac:rich-text-body><ul><li><p>a</p></li></ul></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="warning"><ac:rich-text-body><p>w</p></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="tip"><ac:rich-text-body><p>t</p></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="panel"><ac:parameter ac:name="bgColor">#DEEBFF</ac:parameter><ac:rich-text-body><h2>Inside</h2><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[ls -l]]></ac:plain-text-body></ac:structured-macro></ac:rich-text-body></ac:structured-macro>',
    native: true,
    markdownHas: [":::info", ':::note{title="Careful"}', "**body**", "```bash"],
  },
  {
    name: "layouts",
    storage:
      '<ac:layout><ac:layout-section ac:type="two_equal" ac:breakout-mode="default"><ac:layout-cell><p>Left</p></ac:layout-cell><ac:layout-cell><h2>Right</h2><ul><li><p>x</p></li></ul></ac:layout-cell></ac:layout-section><ac:layout-section ac:type="single"><ac:layout-cell><ac:structured-macro ac:name="info"><ac:rich-text-body><p>in a layout</p></ac:rich-text-body></ac:structured-macro></ac:layout-cell></ac:layout-section></ac:layout>',
    native: true,
    markdownHas: ["layout-section{ac:type=", ":::info"],
  },
  {
    name: "macros without a body (block and inline)",
    storage:
      '<ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">3</ac:parameter></ac:structured-macro><p>Issue <ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">ABC-1</ac:parameter><ac:parameter ac:name="server">System JIRA</ac:parameter></ac:structured-macro></p>',
    native: true,
    markdownHas: ['::toc{maxLevel="3"}', ':jira{key="ABC-1" server="System JIRA"}'],
  },
  {
    name: "unknown macros and elements",
    storage:
      '<ac:structured-macro ac:name="expand"><ac:parameter ac:name="">Default parameter</ac:parameter><ac:rich-text-body><p>hidden</p></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="noformat"><ac:plain-text-body><![CDATA[raw  text\n\n  kept]]></ac:plain-text-body></ac:structured-macro><ac:adf-extension><ac:adf-node type="decision-list"><ac:adf-attribute key="local-id">abc</ac:adf-attribute><ac:adf-node type="decision-item"><ac:adf-attribute key="state">DECIDED</ac:adf-attribute><ac:adf-content>We ship</ac:adf-content></ac:adf-node></ac:adf-node><ac:adf-fallback><ul><li>We ship</li></ul></ac:adf-fallback></ac:adf-extension><p>Marked <ac:inline-comment-marker ac:ref="c0ffee">commented text</ac:inline-comment-marker>, <u>underlined</u>, <span style="color: rgb(255,0,0);">red</span>, H<sub>2</sub>O and <time datetime="2024-05-01" />.</p><pre>pre\n  formatted</pre><div class="x"><p>div</p></div><!-- a comment -->',
    native: false,
    markdownHas: ["```confluence-storage", ':storage{xml="<ac:inline-comment-marker'],
  },
  {
    name: "nested structures",
    storage: `<ac:layout><ac:layout-section ac:type="single"><ac:layout-cell><ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">More</ac:parameter><ac:rich-text-body><ac:structured-macro ac:name="panel"><ac:rich-text-body><ol><li><p>step <ac:link><ri:page ri:content-title="Home" /></ac:link></p><ac:task-list>${task(1, "complete", "checked")}</ac:task-list></li><li><blockquote><p>quoted <em>text</em></p></blockquote></li></ol><table><tbody><tr><th><p>h</p></th></tr><tr><td><p><ac:emoticon ac:name="tick" /> ok</p></td></tr></tbody></table></ac:rich-text-body></ac:structured-macro></ac:rich-text-body></ac:structured-macro></ac:layout-cell></ac:layout-section></ac:layout>`,
    native: true,
  },
  {
    name: "blockquote and rule",
    storage: "<blockquote><p>Quote</p><p>two</p></blockquote><hr /><p>after</p>",
    native: true,
  },
  {
    name: "entities and whitespace",
    storage:
      "<p>non&nbsp;breaking &mdash; dash &#169; &eacute;t&eacute;</p>\n\n<p>\n  second\n</p>",
    native: false,
  },
  {
    name: "empty paragraphs and attributes on blocks (carried)",
    storage: '<p /><p style="text-align: center;">centred</p><h2 id="x">anchored</h2>',
    native: false,
  },
  {
    name: "top-level text and inline elements outside a paragraph (carried)",
    storage:
      'loose text <strong>bold</strong><ac:image><ri:attachment ri:filename="a.png" /></ac:image><p>para</p>',
    native: false,
  },
];
