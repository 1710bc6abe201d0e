// Writes that resolve an unknown outcome by asking Confluence instead of guessing (resolve.ts).
export type { Authorship } from "./authorship.js";
export type { SafeCreateBlogPost } from "./blogposts.js";
export { createBlogPostSafely } from "./blogposts.js";
export type { CommentKind, SafeCreateComment } from "./comments.js";
export { createCommentSafely } from "./comments.js";
export type { SafeCreatePage, SafeUpdatePage } from "./pages.js";
export { createPageSafely, pageMatches, updatePageSafely } from "./pages.js";
export type { SafeCreateProperty, SafeUpdateProperty } from "./properties.js";
export { createPropertySafely, updatePropertySafely } from "./properties.js";
export type { SafeWriteOptions, Verdict, WritePlan, WriteResolution } from "./resolve.js";
export { fateUnknown, resolveWrite } from "./resolve.js";
export type { RestoredVersion, SafeRestoreVersion } from "./restore.js";
export { restoreVersionSafely } from "./restore.js";
export type { SafeVersionedUpdate, Versioned, VersionedKind } from "./versioned.js";
export { updateVersionedSafely } from "./versioned.js";
