// The `--seed demo` data set. Ids are fixed so that tests and the demo can reference them.
import type { JsonValue } from "../types/confluence.js";
import { makeAttachment, makePage, makeVersion } from "./records.js";
import { ownerKey, type Store } from "./store.js";

export const DEMO_IDS = {
  spaces: {
    engineering: { id: "65537", key: "ENG" },
    personal: { id: "65538", key: "~demo" },
    archive: { id: "65539", key: "ARCH" },
  },
  pages: {
    /** Homepage of ENG (level 1). */
    engineeringHome: "98305",
    /** Child of the homepage (level 2), version 3, with an unpublished draft. */
    architecture: "98306",
    /** Level 3. */
    emulatorDesign: "98307",
    /** Level 4. */
    cursorFormat: "98308",
    /** Second child of the homepage. */
    runbooks: "98309",
    /** A draft that was never published. */
    draftIdeas: "98310",
    /** In the trash. */
    trashedNotes: "98311",
    /** A root-level page of ENG outside the homepage tree. */
    rootLevelFaq: "98312",
    /** Homepage of the personal space. */
    personalHome: "98320",
    /** Homepage of the archived space. */
    archiveHome: "98330",
  },
  attachments: {
    architecturePdf: "att131073",
    diagramPng: "att131074",
    notesTxt: "att131075",
    trashedCsv: "att131076",
    checklistJson: "att131077",
  },
  customContent: {
    checklist: "163841",
    checklistOnPage: "163842",
  },
  customContentType: "forge:demo-app:demo-env:checklist",
  properties: {
    homeEditor: "196609",
    architectureStatus: "196610",
    architectureOwner: "196611",
    pdfReviewed: "196612",
    checklistState: "196613",
  },
} as const;

const T0 = Date.UTC(2024, 0, 15, 9, 0, 0);

function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString();
}

export function seedDemo(store: Store): void {
  const author = store.defaultUser.accountId;
  const S = DEMO_IDS.spaces;
  const P = DEMO_IDS.pages;

  const spaces = [
    {
      ...S.engineering,
      name: "Engineering",
      type: "global",
      status: "current",
      home: P.engineeringHome,
      description: "Engineering handbook",
    },
    {
      ...S.personal,
      name: "Demo User",
      type: "personal",
      status: "current",
      home: P.personalHome,
      description: "",
    },
    {
      ...S.archive,
      name: "Archive",
      type: "global",
      status: "archived",
      home: P.archiveHome,
      description: "Old material",
    },
  ] as const;
  spaces.forEach((space, index) => {
    store.addSpace({
      id: space.id,
      num: Number(space.id),
      key: space.key,
      name: space.name,
      type: space.type,
      status: space.status,
      authorId: author,
      createdAt: at(index),
      homepageId: space.home,
      description: space.description,
      labels: [],
    });
  });

  const page = (
    num: string,
    spaceId: string,
    parentId: string | undefined,
    title: string,
    minute: number,
    status: "current" | "draft" | "trashed" = "current",
    position = 0,
  ) =>
    makePage({
      num: Number(num),
      spaceId,
      parentId,
      title,
      body: `<p>${title} content.</p>`,
      status,
      authorId: author,
      createdAt: at(minute),
      position,
    });

  const eng = S.engineering.id;
  store.addPage(page(P.engineeringHome, eng, undefined, "Engineering Home", 10));
  const architecture = page(
    P.architecture,
    eng,
    P.engineeringHome,
    "Architecture",
    20,
    "current",
    1,
  );
  // Two earlier versions, then version 3 is current; a draft holds unpublished edits.
  architecture.history = [
    {
      title: "Architecture",
      body: "<p>First sketch.</p>",
      version: makeVersion(1, author, at(20)),
    },
    {
      title: "Architecture",
      body: "<p>Second sketch.</p>",
      version: makeVersion(2, author, at(30), "Layers"),
    },
  ];
  architecture.current = {
    title: "Architecture",
    body: "<p>Architecture content.</p>",
    version: makeVersion(3, author, at(40), "Contracts"),
  };
  architecture.draft = {
    title: "Architecture (draft)",
    body: "<p>Unpublished edits.</p>",
    version: makeVersion(1, author, at(45)),
  };
  architecture.labels = [{ id: "229377", name: "architecture", prefix: "global" }];
  for (const label of architecture.labels) store.registerLabel(label);
  architecture.likedBy = [author];
  architecture.favoritedBy = [author];
  store.addPage(architecture);
  store.addPage(page(P.emulatorDesign, eng, P.architecture, "Emulator Design", 50));
  store.addPage(page(P.cursorFormat, eng, P.emulatorDesign, "Cursor Format", 60));
  store.addPage(page(P.runbooks, eng, P.engineeringHome, "Runbooks", 70, "current", 2));
  store.addPage(page(P.draftIdeas, eng, P.engineeringHome, "Draft Ideas", 80, "draft", 3));
  store.addPage(page(P.trashedNotes, eng, P.engineeringHome, "Old Notes", 90, "trashed", 4));
  store.addPage(page(P.rootLevelFaq, eng, undefined, "FAQ", 95));
  store.addPage(page(P.personalHome, S.personal.id, undefined, "Demo User Home", 100));
  store.addPage(page(P.archiveHome, S.archive.id, undefined, "Archive Home", 110));

  const A = DEMO_IDS.attachments;
  const attachment = (
    id: string,
    title: string,
    mediaType: string,
    container: { pageId?: string; customContentId?: string },
    content: string,
    minute: number,
    status: "current" | "trashed" = "current",
  ) =>
    makeAttachment({
      num: Number(id.slice(3)),
      title,
      mediaType,
      ...container,
      data: Buffer.from(content),
      authorId: author,
      createdAt: at(minute),
      status,
    });
  store.addAttachment(
    attachment(
      A.architecturePdf,
      "architecture.pdf",
      "application/pdf",
      { pageId: P.architecture },
      "%PDF-1.4 demo",
      120,
    ),
  );
  store.addAttachment(
    attachment(
      A.diagramPng,
      "diagram.png",
      "image/png",
      { pageId: P.architecture },
      "\x89PNG demo",
      121,
    ),
  );
  store.addAttachment(
    attachment(
      A.notesTxt,
      "notes.txt",
      "text/plain",
      { pageId: P.emulatorDesign },
      "Some notes.",
      122,
    ),
  );
  store.addAttachment(
    attachment(
      A.trashedCsv,
      "old.csv",
      "text/csv",
      { pageId: P.runbooks },
      "a,b\n1,2\n",
      123,
      "trashed",
    ),
  );

  const C = DEMO_IDS.customContent;
  store.addCustomContent({
    id: C.checklist,
    num: Number(C.checklist),
    type: DEMO_IDS.customContentType,
    status: "current",
    title: "Release checklist",
    spaceId: eng,
    pageId: undefined,
    authorId: author,
    createdAt: at(130),
    body: "<p>Ship it.</p>",
    version: makeVersion(1, author, at(130)),
  });
  store.addCustomContent({
    id: C.checklistOnPage,
    num: Number(C.checklistOnPage),
    type: DEMO_IDS.customContentType,
    status: "current",
    title: "Architecture checklist",
    spaceId: eng,
    pageId: P.architecture,
    authorId: author,
    createdAt: at(131),
    body: "<p>Review layers.</p>",
    version: makeVersion(1, author, at(131)),
  });
  store.addAttachment(
    attachment(
      A.checklistJson,
      "checklist.json",
      "application/json",
      { customContentId: C.checklist },
      '{"done":false}',
      132,
    ),
  );

  const R = DEMO_IDS.properties;
  const property = (
    id: string,
    owner: string,
    key: string,
    value: JsonValue,
    minute: number,
    version = 1,
  ) =>
    store.addProperty({
      id,
      num: Number(id),
      ownerKey: owner,
      key,
      value,
      version: makeVersion(version, author, at(minute)),
    });
  property(R.homeEditor, ownerKey("page", P.engineeringHome), "editor", { name: "v2" }, 140);
  property(R.architectureStatus, ownerKey("page", P.architecture), "status", "in-review", 141, 2);
  property(
    R.architectureOwner,
    ownerKey("page", P.architecture),
    "owner",
    { team: "platform" },
    142,
  );
  property(R.pdfReviewed, ownerKey("attachment", A.architecturePdf), "reviewed", true, 143);
  property(
    R.checklistState,
    ownerKey("customContent", C.checklist),
    "state",
    { items: 3, done: 1 },
    144,
  );
}
