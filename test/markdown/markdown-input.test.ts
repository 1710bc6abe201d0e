// Markdown a person writes (CommonMark + GFM) → sensible storage; and what Markdown must never
// smuggle into a page. Shapes: https://confluence.atlassian.com/doc/confluence-storage-format-790796544.html
import { describe, expect, it } from "vitest";
import { markdownToStorage, storageToMarkdown } from "../../src/core/markdown/index.js";

describe("Markdown written by a person → storage", () => {
  it("headings, paragraphs, emphasis, strikethrough, code, links", () => {
    expect(
      markdownToStorage(
        '# Title\n\nSome *em*, __strong__, ~~gone~~ and `code`.\nSame paragraph.\n\n[Site](https://example.com "t")\n',
      ),
    ).toBe(
      '<h1>Title</h1><p>Some <em>em</em>, <strong>strong</strong>, <s>gone</s> and <code>code</code>.\nSame paragraph.</p><p><a href="https://example.com">Site</a></p>',
    );
  });

  it("lists (tight or loose alike), task lists numbered from 1, tables with <tbody> and <th>", () => {
    expect(markdownToStorage("* a\n* b\n\n  more\n1. x\n")).toBe(
      "<ul><li><p>a</p></li><li><p>b</p><p>more</p></li></ul><ol><li><p>x</p></li></ol>",
    );
    expect(markdownToStorage("- [ ] todo\n- [x] done\n")).toBe(
      "<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>todo</ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task></ac:task-list>",
    );
    expect(markdownToStorage("| a | b |\n|:-|-:|\n| 1 | **2** |\n")).toBe(
      "<table><tbody><tr><th><p>a</p></th><th><p>b</p></th></tr><tr><td><p>1</p></td><td><p><strong>2</strong></p></td></tr></tbody></table>",
    );
  });

  it("fenced code becomes the code macro with its language and a CDATA body", () => {
    expect(markdownToStorage("```python\nprint(']]>')\n```\n")).toBe(
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">python</ac:parameter><ac:plain-text-body><![CDATA[print(\']]]]><![CDATA[>\')]]></ac:plain-text-body></ac:structured-macro>',
    );
  });

  it("images: URLs, page attachments; directives: panels, status, emoticons; Confluence links", () => {
    expect(markdownToStorage("![Logo](https://x.test/l.png) ![](diagram.png)")).toBe(
      '<p><ac:image ac:alt="Logo"><ri:url ri:value="https://x.test/l.png" /></ac:image> <ac:image><ri:attachment ri:filename="diagram.png" /></ac:image></p>',
    );
    expect(markdownToStorage(':::warning{title="Mind"}\nText\n:::\n')).toBe(
      '<ac:structured-macro ac:name="warning"><ac:parameter ac:name="title">Mind</ac:parameter><ac:rich-text-body><p>Text</p></ac:rich-text-body></ac:structured-macro>',
    );
    expect(
      markdownToStorage(
        ':status{colour=Red title="Blocked"} :emoticon{ac:name=warning} [Home](confluence:page?space-key=DOC&content-title=Home%20page)',
      ),
    ).toBe(
      '<p><ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">Blocked</ac:parameter></ac:structured-macro> <ac:emoticon ac:name="warning" /> <ac:link><ri:page ri:space-key="DOC" ri:content-title="Home page" /><ac:plain-text-link-body><![CDATA[Home]]></ac:plain-text-link-body></ac:link></p>',
    );
  });

  it("ordinary text with colons stays text", () => {
    expect(markdownToStorage("Note: at 10:30 see:this[x] and a:b")).toBe(
      "<p>Note: at 10:30 see:this[x] and a:b</p>",
    );
  });
});

describe("safety", () => {
  it("raw HTML in Markdown is shown as text, never passed on", () => {
    const storage = markdownToStorage(
      '<script>alert(1)</script>\n\nHi <img src=x onerror="alert(1)"> <b>b</b>\n',
    );
    expect(storage).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>Hi &lt;img src=x onerror="alert(1)"&gt; &lt;b&gt;b&lt;/b&gt;</p>',
    );
  });

  it("script URLs do not become links or images", () => {
    expect(markdownToStorage("[click](javascript:alert(1)) ![x](javascript:alert(1))")).toBe(
      "<p>click x</p>",
    );
  });

  it("carried storage loses script elements, event handlers and script URLs", () => {
    const storage = markdownToStorage(
      '```confluence-storage\n<p onclick="x()">a<script>alert(1)</script><a href="javascript:x()">l</a></p>\n```\n\n:storage{xml="<SCRIPT>x</SCRIPT><span onmouseover=\'y\'>s</span>"}',
    );
    expect(storage).toBe("<p>a<a>l</a></p><p><span>s</span></p>");
  });

  it("malformed storage keeps its content instead of throwing", () => {
    for (const broken of [
      "<p>unclosed <strong>bold",
      "</p>stray end<p>ok</p>",
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[never closed',
      '<p a="1" a="2">dup</p><<<>>>&bogus;',
      "",
    ]) {
      const markdown = storageToMarkdown(broken);
      for (const word of ["unclosed", "bold", "stray end", "ok", "never closed", "dup"].filter(
        (w) => broken.includes(w),
      ))
        expect(markdown).toContain(word);
    }
  });
});
