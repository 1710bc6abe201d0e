// The emulated site's data, indexed so that every request is O(log n) or O(page) rather than a
// scan: by id, pages by space, attachments by container, properties by owner and key.

import type { Label } from "../types/confluence.js";
import { ContentStore } from "./content-store.js";
import type {
  AttachmentRecord,
  ContentKind,
  CustomContentRecord,
  LongTaskRecord,
  PageRecord,
  PropertyOwnerKind,
  PropertyRecord,
  RoleAssignmentRecord,
  SpaceRecord,
  SpaceRoleRecord,
  UserRecord,
  VersionRecord,
} from "./model.js";
import { attachmentContainer } from "./model.js";
import { defaultSpaceRoles } from "./records.js";
import { ContentTimeIndexes } from "./time-index.js";

/** Ids shared by all content kinds, like Confluence's content ids. */
const FIRST_GENERATED_ID = 1_000_000;
const EMPTY_SET: ReadonlySet<string> = new Set();

/** Where a record of that num goes in a list in ascending num order (binary search). */
function insertionPoint(list: readonly { num: number }[], num: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.num < num) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function ownerKey(kind: PropertyOwnerKind, id: string): string {
  return `${kind}:${id}`;
}

export class Store {
  readonly users: UserRecord[];
  readonly usersByEmail = new Map<string, UserRecord>();
  readonly spaces = new Map<string, SpaceRecord>();
  readonly spacesByKey = new Map<string, SpaceRecord>();
  readonly pages = new Map<string, PageRecord>();
  /** Pages of each space, in id order (ids only grow, so appending keeps the order). */
  readonly pagesBySpace = new Map<string, PageRecord[]>();
  readonly attachments = new Map<string, AttachmentRecord>();
  readonly attachmentsByContainer = new Map<string, AttachmentRecord[]>();
  readonly customContent = new Map<string, CustomContentRecord>();
  readonly properties = new Map<string, PropertyRecord>();
  readonly propertiesByOwner = new Map<string, Map<string, PropertyRecord>>();
  // --- emu1: blog posts (share PageRecord), the site's labels, v1 long tasks ---
  readonly blogposts = new Map<string, PageRecord>();
  /** Blog posts of each space, in id order. */
  readonly blogpostsBySpace = new Map<string, PageRecord[]>();
  /** Every label ever attached, by id and by `prefix:name` (label ids are site-wide). */
  readonly labels = new Map<string, Label>();
  readonly labelsByName = new Map<string, Label>();
  readonly longTasks = new Map<string, LongTaskRecord>();
  /** Space roles by id (the defaults, then custom ones). */
  readonly spaceRoles = new Map<string, SpaceRoleRecord>(
    defaultSpaceRoles().map((role) => [role.id, role]),
  );
  /** Role assignments set through the API, per space; spaces absent here use the defaults. */
  readonly roleAssignments = new Map<string, RoleAssignmentRecord[]>();
  // --- end emu1 ---
  // --- perms: pages and blog posts with a view restriction (domain/visibility.ts) ---
  private readonly restricted = new Set<PageRecord>();
  // --- end perms ---
  // --- scale: tree and label indexes (so listings and CQL do not scan the site) ---
  /** Pages by parent id (every status; readers filter), in insertion order. */
  readonly childrenByParent = new Map<string, PageRecord[]>();
  /** Ids of the content (pages, blog posts, attachments) carrying each label, by label id. */
  readonly labelledContent = new Map<string, Set<string>>();
  /** Current pages and blog posts by created and last-modified time (CQL ORDER BY, ranges). */
  readonly timeOrder = new ContentTimeIndexes<PageRecord>();
  // --- end scale ---
  /** Bumped on every write; list views cached for an older generation are recomputed. */
  generation = 0;
  private nextId = FIRST_GENERATED_ID;

  constructor(users: UserRecord[]) {
    this.users = users;
    for (const user of users) this.usersByEmail.set(user.email, user);
  }

  get defaultUser(): UserRecord {
    return this.users[0]!;
  }

  allocateId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  /** Seeds use fixed ids; keep allocation above them. */
  reserveId(num: number): void {
    if (num >= this.nextId) this.nextId = num + 1;
  }

  touch(): void {
    this.generation += 1;
  }

  addSpace(space: SpaceRecord): void {
    this.reserveId(space.num);
    this.spaces.set(space.id, space);
    this.spacesByKey.set(space.key, space);
    this.pagesBySpace.set(space.id, []);
    this.touch();
  }

  /** The maps holding pages or blog posts (one record type, two collections). */
  contentOf(kind: ContentKind): {
    byId: Map<string, PageRecord>;
    bySpace: Map<string, PageRecord[]>;
  } {
    return kind === "page"
      ? { byId: this.pages, bySpace: this.pagesBySpace }
      : { byId: this.blogposts, bySpace: this.blogpostsBySpace };
  }

  /** Adds a page or a blog post (by its `kind`). */
  addPage(page: PageRecord): void {
    this.reserveId(page.num);
    const { byId, bySpace } = this.contentOf(page.kind);
    byId.set(page.id, page);
    let list = bySpace.get(page.spaceId);
    if (!list) {
      list = [];
      bySpace.set(page.spaceId, list);
    }
    // scale: keep the id order even for seeds with fixed ids (ordered listings rely on it).
    const last = list[list.length - 1];
    if (last === undefined || last.num < page.num) list.push(page);
    else list.splice(insertionPoint(list, page.num), 0, page);
    this.indexContent(page);
    // --- perms ---
    if (page.readRestrictedTo !== undefined) this.restricted.add(page);
    // --- end perms ---
    this.touch();
  }

  // --- perms: users and view restrictions (domain/visibility.ts) ---
  addUser(user: UserRecord): void {
    if (this.usersByEmail.has(user.email)) return;
    this.users.push(user);
    this.usersByEmail.set(user.email, user);
  }

  /** Limits viewing the page or blog post (and what inherits from it) to these accounts. */
  restrictViewing(page: PageRecord, accountIds: string[] | undefined): void {
    page.readRestrictedTo = accountIds;
    if (accountIds === undefined) this.restricted.delete(page);
    else this.restricted.add(page);
    this.touch();
  }

  restrictedContent(): Iterable<PageRecord> {
    return this.restricted;
  }
  // --- end perms ---

  removePage(page: PageRecord): void {
    const { byId, bySpace } = this.contentOf(page.kind);
    byId.delete(page.id);
    this.restricted.delete(page); // perms
    const list = bySpace.get(page.spaceId);
    if (list) {
      const index = list.indexOf(page);
      if (index >= 0) list.splice(index, 1);
    }
    this.unindexContent(page);
    this.propertiesByOwner.delete(ownerKey(page.kind, page.id));
    this.touch();
  }

  // --- emu1: spaces removal and labels ---
  /** Removes a space with everything in it (v1 deleteSpace's long task). */
  removeSpace(space: SpaceRecord): void {
    for (const kind of ["page", "blogpost"] as const) {
      for (const content of [...(this.contentOf(kind).bySpace.get(space.id) ?? [])]) {
        for (const attachment of [...(this.attachmentsByContainer.get(content.id) ?? [])]) {
          this.removeAttachment(attachment);
        }
        this.removePage(content);
      }
      this.contentOf(kind).bySpace.delete(space.id);
    }
    this.spaces.delete(space.id);
    this.spacesByKey.delete(space.key);
    this.propertiesByOwner.delete(ownerKey("space", space.id));
    this.touch();
  }

  /** The site-wide label of that prefix and name, created (with a new id) on first use. */
  label(prefix: string, name: string): Label {
    const key = `${prefix}:${name}`;
    let label = this.labelsByName.get(key);
    if (!label) {
      const num = this.allocateId();
      label = { id: String(num), name, prefix };
      this.registerLabel(label);
    }
    return label;
  }

  /** Seeds carry labels with fixed ids; make them known site-wide. */
  registerLabel(label: Label): void {
    this.reserveId(Number(label.id));
    this.labels.set(label.id, label);
    this.labelsByName.set(`${label.prefix}:${label.name}`, label);
  }
  // --- end emu1 ---

  // --- scale: index upkeep. Every change of a page's parent or of content labels goes through
  // these, so the indexes cannot drift from the records. ---
  /** Moves a page under another parent (or to the top level with `undefined`). */
  setParent(page: PageRecord, parentId: string | undefined): void {
    if (page.parentId === parentId) return;
    this.unindexChild(page);
    page.parentId = parentId;
    this.indexChild(page);
    this.touch();
  }

  /**
   * Changes a page's or blog post's status or current revision (`change` mutates the record):
   * the time indexes hold current content by its dates, so every such change goes through here.
   */
  reviseContent(page: PageRecord, change: () => void): void {
    const stored = this.contentOf(page.kind).byId.get(page.id) === page;
    if (stored && page.status === "current") this.timeOrder.remove(page);
    change();
    if (stored && page.status === "current") this.timeOrder.add(page);
    this.touch();
  }

  /** Pages directly under that page (every status), in insertion order. */
  childrenOf(parentId: string): readonly PageRecord[] {
    return this.childrenByParent.get(parentId) ?? [];
  }

  /** Attaches a label to content (no-op when already there). */
  attachLabel(target: { id: string; labels: Label[] }, label: Label): void {
    if (target.labels.some((held) => held.id === label.id)) return;
    target.labels.push(label);
    this.indexLabel(label, target.id);
    this.touch();
  }

  detachLabel(target: { id: string; labels: Label[] }, label: Label): void {
    const index = target.labels.indexOf(label);
    if (index < 0) return;
    target.labels.splice(index, 1);
    this.unindexLabel(label, target.id);
    this.touch();
  }

  /** Ids of the content carrying that label (pages, blog posts, attachments). */
  labelledWith(labelId: string): ReadonlySet<string> {
    return this.labelledContent.get(labelId) ?? EMPTY_SET;
  }

  private indexContent(page: PageRecord): void {
    this.indexChild(page);
    for (const label of page.labels) this.indexLabel(label, page.id);
    if (page.status === "current") this.timeOrder.add(page);
  }

  private unindexContent(page: PageRecord): void {
    this.unindexChild(page);
    for (const label of page.labels) this.unindexLabel(label, page.id);
    if (page.status === "current") this.timeOrder.remove(page);
  }

  private indexChild(page: PageRecord): void {
    if (page.kind !== "page" || page.parentId === undefined) return;
    const siblings = this.childrenByParent.get(page.parentId);
    if (siblings) siblings.push(page);
    else this.childrenByParent.set(page.parentId, [page]);
  }

  private unindexChild(page: PageRecord): void {
    if (page.parentId === undefined) return;
    const siblings = this.childrenByParent.get(page.parentId);
    const index = siblings?.indexOf(page) ?? -1;
    if (siblings && index >= 0) siblings.splice(index, 1);
  }

  private indexLabel(label: Label, contentId: string): void {
    const ids = this.labelledContent.get(label.id);
    if (ids) ids.add(contentId);
    else this.labelledContent.set(label.id, new Set([contentId]));
  }

  private unindexLabel(label: Label, contentId: string): void {
    this.labelledContent.get(label.id)?.delete(contentId);
  }
  // --- end scale ---

  addAttachment(attachment: AttachmentRecord): void {
    this.reserveId(attachment.num);
    this.attachments.set(attachment.id, attachment);
    const container = attachmentContainer(attachment);
    let list = this.attachmentsByContainer.get(container);
    if (!list) {
      list = [];
      this.attachmentsByContainer.set(container, list);
    }
    list.push(attachment);
    for (const label of attachment.labels) this.indexLabel(label, attachment.id);
    this.touch();
  }

  removeAttachment(attachment: AttachmentRecord): void {
    this.attachments.delete(attachment.id);
    const list = this.attachmentsByContainer.get(attachmentContainer(attachment));
    if (list) {
      const index = list.indexOf(attachment);
      if (index >= 0) list.splice(index, 1);
    }
    for (const label of attachment.labels) this.unindexLabel(label, attachment.id);
    this.propertiesByOwner.delete(ownerKey("attachment", attachment.id));
    this.touch();
  }

  addCustomContent(content: CustomContentRecord): void {
    this.reserveId(content.num);
    this.customContent.set(content.id, content);
    this.touch();
  }

  addProperty(property: PropertyRecord): void {
    this.reserveId(property.num);
    this.properties.set(property.id, property);
    let byKey = this.propertiesByOwner.get(property.ownerKey);
    if (!byKey) {
      byKey = new Map();
      this.propertiesByOwner.set(property.ownerKey, byKey);
    }
    byKey.set(property.key, property);
    this.touch();
  }

  removeProperty(property: PropertyRecord): void {
    this.properties.delete(property.id);
    this.propertiesByOwner.get(property.ownerKey)?.delete(property.key);
    this.touch();
  }

  // --- persist: in-place changes to records reached through an index, not fetched by id ---
  /**
   * Reports a page, blog post or attachment changed after it was reached through an index (a
   * sibling list, a container's attachments): `--data` journals the records fetched, set or
   * deleted through the collections (src/emulator/persistence/store-part.ts), and this sets it
   * again so it counts. A no-op for the data.
   */
  changedInPlace(record: PageRecord | AttachmentRecord): void {
    if ("kind" in record) this.contentOf(record.kind).byId.set(record.id, record);
    else this.attachments.set(record.id, record);
  }
  // --- end persist ---

  propertiesOf(owner: string): PropertyRecord[] {
    const byKey = this.propertiesByOwner.get(owner);
    return byKey ? [...byKey.values()] : [];
  }

  newVersion(number: number, authorId: string, message = "", minorEdit = false): VersionRecord {
    return { number, message, minorEdit, authorId, createdAt: new Date().toISOString() };
  }

  // --- Comments, tree content, tasks and site settings (content-store.ts) -------------------
  /** Their indexes; comment containers owned by this store are registered here. */
  readonly content: ContentStore = this.createContentStore();

  private createContentStore(): ContentStore {
    const content = new ContentStore({
      touch: () => this.touch(),
      reserveId: (num) => this.reserveId(num),
      allocateId: () => this.allocateId(),
      dropProperties: (owner) => this.propertiesByOwner.delete(owner),
    });
    const live = (status: string) => status === "current" || status === "archived";
    for (const [kind, records] of [
      ["page", this.pages],
      ["blogpost", this.blogposts],
    ] as const) {
      content.registerContainer(kind, (id) => {
        const record = records.get(id);
        return (
          record && {
            id,
            title: record.current.title,
            spaceId: record.spaceId,
            current: live(record.status),
          }
        );
      });
    }
    content.registerContainer("attachment", (id) => {
      const attachment = this.attachments.get(id);
      const holder = attachment && (attachment.pageId ?? attachment.customContentId);
      const spaceId =
        holder === undefined
          ? ""
          : (this.pages.get(holder)?.spaceId ?? this.customContent.get(holder)?.spaceId ?? "");
      return (
        attachment && {
          id,
          title: attachment.title,
          spaceId,
          current: live(attachment.status),
        }
      );
    });
    content.registerContainer("customContent", (id) => {
      const item = this.customContent.get(id);
      return item && { id, title: item.title, spaceId: item.spaceId, current: live(item.status) };
    });
    return content;
  }
}
