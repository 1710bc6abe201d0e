// The emulated site's data, indexed so that every request is O(log n) or O(page) rather than a
// scan: by id, pages by space, attachments by container, properties by owner and key.

import { ContentStore } from "./content-store.js";
import type {
  AttachmentRecord,
  CustomContentRecord,
  PageRecord,
  PropertyOwnerKind,
  PropertyRecord,
  SpaceRecord,
  UserRecord,
  VersionRecord,
} from "./model.js";

/** Ids shared by all content kinds, like Confluence's content ids. */
const FIRST_GENERATED_ID = 1_000_000;

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

  addPage(page: PageRecord): void {
    this.reserveId(page.num);
    this.pages.set(page.id, page);
    let list = this.pagesBySpace.get(page.spaceId);
    if (!list) {
      list = [];
      this.pagesBySpace.set(page.spaceId, list);
    }
    list.push(page);
    this.touch();
  }

  removePage(page: PageRecord): void {
    this.pages.delete(page.id);
    const list = this.pagesBySpace.get(page.spaceId);
    if (list) {
      const index = list.indexOf(page);
      if (index >= 0) list.splice(index, 1);
    }
    this.propertiesByOwner.delete(ownerKey("page", page.id));
    this.touch();
  }

  addAttachment(attachment: AttachmentRecord): void {
    this.reserveId(attachment.num);
    this.attachments.set(attachment.id, attachment);
    const container = attachment.pageId ?? attachment.customContentId ?? "";
    let list = this.attachmentsByContainer.get(container);
    if (!list) {
      list = [];
      this.attachmentsByContainer.set(container, list);
    }
    list.push(attachment);
    this.touch();
  }

  removeAttachment(attachment: AttachmentRecord): void {
    this.attachments.delete(attachment.id);
    const list = this.attachmentsByContainer.get(
      attachment.pageId ?? attachment.customContentId ?? "",
    );
    if (list) {
      const index = list.indexOf(attachment);
      if (index >= 0) list.splice(index, 1);
    }
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
    content.registerContainer("page", (id) => {
      const page = this.pages.get(id);
      return (
        page && {
          id,
          title: page.current.title,
          spaceId: page.spaceId,
          current: live(page.status),
        }
      );
    });
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
