// The library's public entry point: the typed core client, and Confluence's wire types
// (Page, Space, Attachment, ContentProperty, ...) to type what it returns, e.g.
// `client.paginate<Page>("/pages")`.
export * from "./core/index.js";
export type * from "./types/index.js";
