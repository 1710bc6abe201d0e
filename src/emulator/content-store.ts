// The state of comments, tree content (folders, whiteboards, databases, smart links), tasks and
// site settings, indexed like the main store: by id, by container and by parent. One instance
// hangs off each Store (store.content), so a reset replaces it with the rest of the site.
import type { JsonValue, Label } from "../types/confluence.js";
import type { VersionRecord } from "./model.js";
import type {
  CommentContainerType,
  CommentRecord,
  TaskRecord,
  TreeContentRecord,
} from "./model-content.js";

/** What a comment listing or a new comment needs to know of its container. */
export interface ContainerInfo {
  id: string;
  title: string;
  spaceId: string;
  /** Is it still in place (not trashed or deleted)? */
  current: boolean;
}

/** What custom content records (model.ts) do not hold: other containers, history, labels. */
export interface CustomContentExtra {
  blogPostId: string | undefined;
  /** The parent custom content, for nested custom content. */
  parentId: string | undefined;
  /** Earlier revisions, oldest first. */
  history: { title: string; body: string; version: VersionRecord }[];
  labels: Label[];
}

export type ContainerLookup = (id: string) => ContainerInfo | undefined;

export interface StoreHooks {
  touch(): void;
  reserveId(num: number): void;
  allocateId(): number;
  dropProperties(owner: string): void;
}

/** Confluence's classification levels as an admin would configure them (none by default). */
export interface ClassificationLevel {
  id: string;
  status: "PUBLISHED" | "DRAFT" | "ARCHIVED";
  order: number;
  name: string;
  description: string;
  guideline: string;
  color: string;
}

function containerKey(type: CommentContainerType, id: string): string {
  return `${type}:${id}`;
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function removeFrom<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  const index = list?.indexOf(item) ?? -1;
  if (list && index >= 0) list.splice(index, 1);
}

export class ContentStore {
  readonly comments = new Map<string, CommentRecord>();
  private readonly commentsByContainer = new Map<string, CommentRecord[]>();
  private readonly commentsByParent = new Map<string, CommentRecord[]>();
  readonly tree = new Map<string, TreeContentRecord>();
  private readonly treeByParent = new Map<string, TreeContentRecord[]>();
  readonly tasks = new Map<string, TaskRecord>();
  readonly appProperties = new Map<string, JsonValue>();
  /** Admin keys by account id: their expiry (epoch ms). */
  readonly adminKeys = new Map<string, number>();
  readonly classificationLevels: ClassificationLevel[] = [];
  /** Per space: the default classification level id. */
  readonly spaceDefaultLevels = new Map<string, string>();
  /** Per content id: its classification level id. */
  readonly contentLevels = new Map<string, string>();
  private readonly containers = new Map<CommentContainerType, ContainerLookup>();
  private readonly customExtras = new Map<string, CustomContentExtra>();

  constructor(readonly hooks: StoreHooks) {}

  /**
   * Content kinds owned by other modules tell comments how to find their items (the blog post
   * model registers `blogpost` when it exists; until then blog post containers are 404).
   */
  registerContainer(type: CommentContainerType, lookup: ContainerLookup): void {
    this.containers.set(type, lookup);
  }

  container(type: CommentContainerType, id: string): ContainerInfo | undefined {
    return this.containers.get(type)?.(id);
  }

  addComment(comment: CommentRecord): void {
    this.hooks.reserveId(comment.num);
    this.comments.set(comment.id, comment);
    pushTo(
      this.commentsByContainer,
      containerKey(comment.containerType, comment.containerId),
      comment,
    );
    if (comment.parentCommentId !== undefined) {
      pushTo(this.commentsByParent, comment.parentCommentId, comment);
    }
    this.hooks.touch();
  }

  /** Deleting a comment deletes its replies, as in Confluence's UI and API. */
  removeComment(comment: CommentRecord): void {
    for (const reply of [...this.repliesOf(comment.id)]) this.removeComment(reply);
    this.comments.delete(comment.id);
    removeFrom(
      this.commentsByContainer,
      containerKey(comment.containerType, comment.containerId),
      comment,
    );
    if (comment.parentCommentId !== undefined) {
      removeFrom(this.commentsByParent, comment.parentCommentId, comment);
    }
    this.hooks.dropProperties(`comment:${comment.id}`);
    this.hooks.touch();
  }

  commentsOn(type: CommentContainerType, id: string): readonly CommentRecord[] {
    return this.commentsByContainer.get(containerKey(type, id)) ?? [];
  }

  repliesOf(commentId: string): readonly CommentRecord[] {
    return this.commentsByParent.get(commentId) ?? [];
  }

  addTreeContent(item: TreeContentRecord): void {
    this.hooks.reserveId(item.num);
    this.tree.set(item.id, item);
    if (item.parentId !== undefined) pushTo(this.treeByParent, item.parentId, item);
    this.hooks.touch();
  }

  removeTreeContent(item: TreeContentRecord): void {
    this.tree.delete(item.id);
    if (item.parentId !== undefined) removeFrom(this.treeByParent, item.parentId, item);
    this.hooks.dropProperties(`${item.type}:${item.id}`);
    this.hooks.touch();
  }

  treeChildrenOf(parentId: string): readonly TreeContentRecord[] {
    return this.treeByParent.get(parentId) ?? [];
  }

  addTask(task: TaskRecord): void {
    this.hooks.reserveId(task.num);
    this.tasks.set(task.id, task);
    this.hooks.touch();
  }

  /** The extra state of a custom content item (created empty on first use). */
  customExtra(id: string): CustomContentExtra {
    let extra = this.customExtras.get(id);
    if (!extra) {
      extra = { blogPostId: undefined, parentId: undefined, history: [], labels: [] };
      this.customExtras.set(id, extra);
    }
    return extra;
  }

  dropCustomExtra(id: string): void {
    this.customExtras.delete(id);
  }

  touch(): void {
    this.hooks.touch();
  }

  newVersion(number: number, authorId: string, message = ""): VersionRecord {
    return { number, message, minorEdit: false, authorId, createdAt: new Date().toISOString() };
  }
}
