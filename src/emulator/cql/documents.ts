// What CQL searches: every current content kind of the store as CqlDocuments — pages, blog
// posts, attachments, footer and inline comments, custom content and spaces (`type = space`).
// https://developer.atlassian.com/cloud/confluence/cql-fields/#type lists page, blogpost,
// comment, attachment and space, and custom content by its type key.
// Documents are built only for the candidates the query's plan (plan.ts) selects from the
// store's indexes, so `space = X`, `label = x`, `parent = 1`… do not touch the rest of the site.

import type { AttachmentRecord, CustomContentRecord, PageRecord, SpaceRecord } from "../model.js";
import type { CommentRecord } from "../model-content.js";
import type { Store } from "../store.js";
import type { CqlDocument } from "./evaluate.js";
import type { CqlPlan } from "./plan.js";

const TAGS = /<[^>]*>/g;

/** One search hit's record, by kind (the routes serialise each its own way). */
export type SearchRecord =
  | { kind: "page"; record: PageRecord }
  | { kind: "attachment"; record: AttachmentRecord }
  | { kind: "comment"; record: CommentRecord }
  | { kind: "custom"; record: CustomContentRecord }
  | { kind: "space"; record: SpaceRecord };

/** Work counters of one search (tests assert bounded work with them, not wall time). */
export interface SearchStats {
  /** Documents built: what a search's cost grows with. */
  documents: number;
}

export interface SearchItem {
  doc: CqlDocument;
  hit: SearchRecord;
}

function ancestorsOf(store: Store, page: PageRecord): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let id = page.parentId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    chain.unshift(id);
    id = store.pages.get(id)?.parentId;
  }
  return chain;
}

/** Where a piece of content sits: its space and the chain of content above it. */
interface Placement {
  spaceId: string | undefined;
  /** Content ids from the top of the tree down to the container itself. */
  chain: string[];
}

function placementOf(store: Store, containerId: string | undefined): Placement {
  if (containerId === undefined) return { spaceId: undefined, chain: [] };
  const page = store.pages.get(containerId) ?? store.blogposts.get(containerId);
  if (page) return { spaceId: page.spaceId, chain: [...ancestorsOf(store, page), page.id] };
  const custom = store.customContent.get(containerId);
  if (custom) return { spaceId: custom.spaceId, chain: [custom.id] };
  const attachment = store.attachments.get(containerId);
  if (attachment) {
    const above = placementOf(store, attachment.pageId ?? attachment.customContentId);
    return { spaceId: above.spaceId, chain: [...above.chain, attachment.id] };
  }
  return { spaceId: undefined, chain: [] };
}

function inSpace(store: Store, spaceId: string | undefined) {
  const space = spaceId === undefined ? undefined : store.spaces.get(spaceId);
  return { spaceKey: space?.key, spaceType: space?.type };
}

/**
 * A page's or blog post's document. Fields are computed on first read: most queries look at a
 * few (type, space, a label, a date), and a search may check many candidates, so the ancestors,
 * contributors and body text are only worked out for the queries that ask.
 */
class PageDocument implements CqlDocument {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly parentId: string | undefined;
  readonly containerId = undefined;
  readonly creatorId: string;
  #ancestors: string[] | undefined;
  #created: Date | undefined;
  #modified: Date | undefined;

  constructor(
    private readonly store: Store,
    private readonly page: PageRecord,
  ) {
    this.id = page.id;
    this.type = page.kind;
    this.title = page.current.title;
    this.parentId = page.parentId;
    this.creatorId = page.authorId;
  }

  get spaceKey(): string | undefined {
    return this.store.spaces.get(this.page.spaceId)?.key;
  }

  get spaceType(): string | undefined {
    return this.store.spaces.get(this.page.spaceId)?.type;
  }

  get text(): string {
    // Generated pages have no stored body until read: their text is their title.
    return (this.page.current.body ?? "").replace(TAGS, " ");
  }

  get labels(): readonly string[] {
    return this.page.labels.map((label) => label.name);
  }

  get ancestorIds(): readonly string[] {
    this.#ancestors ??= this.page.kind === "page" ? ancestorsOf(this.store, this.page) : [];
    return this.#ancestors;
  }

  get contributorIds(): readonly string[] {
    const contributors = new Set(this.page.history.map((revision) => revision.version.authorId));
    contributors.add(this.page.current.version.authorId);
    return [...contributors];
  }

  get created(): Date {
    this.#created ??= new Date(this.page.createdAt);
    return this.#created;
  }

  get lastModified(): Date {
    this.#modified ??= new Date(this.page.current.version.createdAt);
    return this.#modified;
  }
}

export function pageDocument(store: Store, page: PageRecord): CqlDocument {
  return new PageDocument(store, page);
}

export function attachmentDocument(store: Store, attachment: AttachmentRecord): CqlDocument {
  const holder = attachment.pageId ?? attachment.customContentId;
  const placement = placementOf(store, holder);
  return {
    id: attachment.id.replace(/^att/, ""),
    type: "attachment",
    ...inSpace(store, placement.spaceId),
    title: attachment.title,
    text: attachment.comment,
    labels: attachment.labels.map((label) => label.name),
    ancestorIds: placement.chain,
    parentId: holder,
    containerId: holder,
    creatorId: attachment.version.authorId,
    contributorIds: [attachment.version.authorId],
    created: new Date(attachment.createdAt),
    lastModified: new Date(attachment.version.createdAt),
  };
}

/** A comment's title is "Re: " and its container's, as Confluence shows it in search. */
function commentDocument(store: Store, comment: CommentRecord): CqlDocument {
  const container = store.content.container(comment.containerType, comment.containerId);
  const placement = placementOf(store, comment.containerId);
  const contributors = new Set(comment.history.map((revision) => revision.version.authorId));
  contributors.add(comment.current.version.authorId);
  return {
    id: comment.id,
    type: "comment",
    ...inSpace(store, container?.spaceId ?? placement.spaceId),
    title: `Re: ${container?.title ?? ""}`,
    text: comment.current.body.replace(TAGS, " "),
    labels: [],
    ancestorIds: placement.chain,
    parentId: comment.parentCommentId,
    containerId: comment.containerId,
    creatorId: comment.authorId,
    contributorIds: [...contributors],
    created: new Date(comment.createdAt),
    lastModified: new Date(comment.current.version.createdAt),
  };
}

function customDocument(store: Store, item: CustomContentRecord): CqlDocument {
  const holder = item.pageId ?? store.content.customExtra(item.id).blogPostId;
  return {
    id: item.id,
    // Custom content is found by its type key ("type = ac:app:module" / "forge:…").
    type: item.type,
    ...inSpace(store, item.spaceId),
    title: item.title,
    text: item.body.replace(TAGS, " "),
    labels: store.content.customExtra(item.id).labels.map((label) => label.name),
    ancestorIds: placementOf(store, holder).chain,
    parentId: holder,
    containerId: holder,
    creatorId: item.authorId,
    contributorIds: [item.version.authorId],
    created: new Date(item.createdAt),
    lastModified: new Date(item.version.createdAt),
  };
}

function spaceDocument(space: SpaceRecord): CqlDocument {
  return {
    id: space.id,
    type: "space",
    spaceKey: space.key,
    spaceType: space.type,
    title: space.name,
    text: space.description,
    labels: space.labels.map((label) => label.name),
    ancestorIds: [],
    parentId: undefined,
    containerId: undefined,
    creatorId: space.authorId,
    contributorIds: [space.authorId],
    created: new Date(space.createdAt),
    lastModified: new Date(space.createdAt),
  };
}

function documentOf(store: Store, hit: SearchRecord): CqlDocument {
  switch (hit.kind) {
    case "page":
      return pageDocument(store, hit.record);
    case "attachment":
      return attachmentDocument(store, hit.record);
    case "comment":
      return commentDocument(store, hit.record);
    case "custom":
      return customDocument(store, hit.record);
    default:
      return spaceDocument(hit.record);
  }
}

/** The CQL `type` of a hit, known before its document is built. */
function typeOf(hit: SearchRecord): string {
  switch (hit.kind) {
    case "page":
      return hit.record.kind;
    case "custom":
      return hit.record.type.toLowerCase();
    default:
      return hit.kind;
  }
}

/** CQL's default content status: only current content (and spaces) is found. */
function isCurrent(hit: SearchRecord): boolean {
  return hit.record.status === "current";
}

/** Everything a search with that plan may find (a superset of the matches; no duplicates). */
export function* searchableDocuments(
  store: Store,
  plan: CqlPlan = {},
  stats?: SearchStats,
): Generator<SearchItem> {
  const types = plan.types && new Set(plan.types.map((type) => type.toLowerCase()));
  const seen = new Set<string>();
  for (const hit of candidates(store, plan, types)) {
    if (!isCurrent(hit) || (types !== undefined && !types.has(typeOf(hit)))) continue;
    const key = `${hit.kind}:${hit.record.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (stats) stats.documents += 1;
    yield { doc: documentOf(store, hit), hit };
  }
}

// ---------------------------------------------------------------------------------------------
// Candidates: from the narrowest index the plan allows.

function candidates(
  store: Store,
  plan: CqlPlan,
  types: ReadonlySet<string> | undefined,
): Iterable<SearchRecord> {
  if (plan.ids) return plan.ids.flatMap((id) => byId(store, id));
  if (plan.parents) return plan.parents.flatMap((id) => [...childrenAndContained(store, id)]);
  if (plan.containers) return plan.containers.flatMap((id) => [...contained(store, id)]);
  if (plan.labels) return labelled(store, plan.labels);
  if (plan.ancestors) return plan.ancestors.flatMap((id) => [...below(store, id)]);
  if (plan.spaceKeys) return plan.spaceKeys.flatMap((key) => [...inSpaceKey(store, key, types)]);
  return everything(store, types);
}

function byId(store: Store, id: string): SearchRecord[] {
  const out: SearchRecord[] = [];
  const page = store.pages.get(id) ?? store.blogposts.get(id);
  if (page) out.push({ kind: "page", record: page });
  const attachment = store.attachments.get(id.startsWith("att") ? id : `att${id}`);
  if (attachment) out.push({ kind: "attachment", record: attachment });
  const comment = store.content.comments.get(id);
  if (comment) out.push({ kind: "comment", record: comment });
  const custom = store.customContent.get(id);
  if (custom) out.push({ kind: "custom", record: custom });
  return out;
}

/** Attachments and comments held by that content. */
function* contained(store: Store, id: string): Generator<SearchRecord> {
  for (const attachment of store.attachmentsByContainer.get(id) ?? []) {
    yield { kind: "attachment", record: attachment };
  }
  for (const type of ["page", "blogpost", "attachment", "customContent"] as const) {
    for (const comment of store.content.commentsOn(type, id)) {
      yield { kind: "comment", record: comment };
    }
  }
}

function* childrenAndContained(store: Store, id: string): Generator<SearchRecord> {
  for (const child of store.childrenOf(id)) yield { kind: "page", record: child };
  yield* contained(store, id);
  for (const reply of store.content.repliesOf(id)) yield { kind: "comment", record: reply };
}

/** Everything below a page: descendant pages and what they (and the page) hold. */
function* below(store: Store, id: string): Generator<SearchRecord> {
  const pending = [id];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    yield* contained(store, next);
    // Comments on those attachments are below the page too.
    for (const attachment of store.attachmentsByContainer.get(next) ?? []) {
      for (const comment of store.content.commentsOn("attachment", attachment.id)) {
        yield { kind: "comment", record: comment };
      }
    }
    for (const child of store.childrenOf(next)) {
      yield { kind: "page", record: child };
      pending.push(child.id);
    }
  }
}

function labelled(store: Store, names: readonly string[]): SearchRecord[] {
  const out: SearchRecord[] = [];
  for (const name of names) {
    for (const prefix of ["global", "my", "team"]) {
      const label = store.labelsByName.get(`${prefix}:${name.toLowerCase()}`);
      if (label === undefined) continue;
      for (const id of store.labelledWith(label.id)) out.push(...byId(store, id));
    }
  }
  return out;
}

/** Whether a kind can be among the wanted types (custom content: any type not built in). */
function wants(types: ReadonlySet<string> | undefined, type: string): boolean {
  return types === undefined || types.has(type);
}

const BUILT_IN = new Set(["page", "blogpost", "attachment", "comment", "space"]);

function wantsCustom(types: ReadonlySet<string> | undefined): boolean {
  return types === undefined || [...types].some((type) => !BUILT_IN.has(type));
}

function* inSpaceKey(
  store: Store,
  key: string,
  types: ReadonlySet<string> | undefined,
): Generator<SearchRecord> {
  const space = store.spacesByKey.get(key);
  if (!space) return;
  if (wants(types, "space")) yield { kind: "space", record: space };
  for (const kind of ["page", "blogpost"] as const) {
    const pages = store.contentOf(kind).bySpace.get(space.id) ?? [];
    const holders = wants(types, "attachment") || wants(types, "comment");
    if (!wants(types, kind) && !holders) continue;
    for (const page of pages) {
      if (wants(types, kind)) yield { kind: "page", record: page };
      if (holders) yield* contained(store, page.id);
    }
  }
  if (wantsCustom(types) || wants(types, "comment") || wants(types, "attachment")) {
    for (const item of store.customContent.values()) {
      if (item.spaceId !== space.id) continue;
      yield { kind: "custom", record: item };
      yield* contained(store, item.id);
    }
  }
}

function* everything(
  store: Store,
  types: ReadonlySet<string> | undefined,
): Generator<SearchRecord> {
  if (wants(types, "page")) {
    for (const record of store.pages.values()) yield { kind: "page", record };
  }
  if (wants(types, "blogpost")) {
    for (const record of store.blogposts.values()) yield { kind: "page", record };
  }
  if (wants(types, "attachment")) {
    for (const record of store.attachments.values()) yield { kind: "attachment", record };
  }
  if (wants(types, "comment")) {
    for (const record of store.content.comments.values()) yield { kind: "comment", record };
  }
  if (wantsCustom(types)) {
    for (const record of store.customContent.values()) yield { kind: "custom", record };
  }
  if (wants(types, "space")) {
    for (const record of store.spaces.values()) yield { kind: "space", record };
  }
}
