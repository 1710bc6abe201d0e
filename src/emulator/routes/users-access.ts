// POST /users-bulk, POST /user/access/check-access-by-email, POST /user/access/invite-by-email,
// POST /content/convert-ids-to-types (createBulkUserLookup, checkAccessByEmail, inviteByEmail,
// convertContentIdsToContentTypes; https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-user/
// and api-group-content/).
import type { SiteContext } from "../context.js";
import { badRequest } from "../errors.js";
import { jsonObject, sendList } from "../http.js";
import type { UserRecord } from "../model.js";
import { READ_CONFIGURATION, READ_CONTENT_METADATA, READ_USER } from "../oauth/scopes-content.js";
import type { Route } from "../route.js";

function userWire(user: UserRecord) {
  return {
    accountId: user.accountId,
    accountType: "atlassian",
    accountStatus: "active",
    displayName: user.displayName,
    publicName: user.displayName,
    email: user.email,
    timeZone: "UTC",
    isExternalCollaborator: false,
    profilePicture: { path: "/wiki/aa-avatar/default.png", isDefault: true },
  };
}

/** A non-empty array of strings of at most `max` items, or a 400 naming the field. */
function stringArray(value: unknown, name: string, max: number): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max) {
    throw badRequest(`${name} must be an array of 1 to ${max} items`);
  }
  for (const item of value) if (typeof item !== "string") throw badRequest(`${name} holds strings`);
  return value as string[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Which emails are invalid and which valid ones belong to no user of the site. */
function sortEmails(ctx: SiteContext, emails: string[]) {
  const invalidEmails = emails.filter((email) => !EMAIL.test(email));
  const emailsWithoutAccess = emails.filter(
    (email) => EMAIL.test(email) && !ctx.store.usersByEmail.has(email),
  );
  return { emailsWithoutAccess, invalidEmails };
}

/** The content type of an id: every content kind of the site, by id. */
function contentTypeOf(ctx: SiteContext, id: string): string | undefined {
  const { store } = ctx;
  if (store.pages.has(id)) return "page";
  if (store.content.container("blogpost", id)) return "blogpost";
  if (store.attachments.has(id) || store.attachments.has(`att${id}`)) return "attachment";
  const comment = store.content.comments.get(id);
  if (comment) return `${comment.kind}-comment`;
  const custom = store.customContent.get(id);
  if (custom) return custom.type;
  return store.content.tree.get(id)?.type;
}

export const USERS_ACCESS_ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/wiki/api/v2/users-bulk",
    scopes: READ_USER,
    handler: async (ctx, request, reply) => {
      const ids = stringArray(jsonObject(request).accountIds, "accountIds", 250);
      const byId = new Map(ctx.store.users.map((user) => [user.accountId, user]));
      // Unknown account ids are left out of the results.
      const users = ids.flatMap((id) => {
        const user = byId.get(id);
        return user ? [userWire(user)] : [];
      });
      return sendList(request, reply, users, undefined, 250);
    },
  },
  {
    method: "POST",
    path: "/wiki/api/v2/user/access/check-access-by-email",
    scopes: READ_CONFIGURATION,
    handler: async (ctx, request) =>
      sortEmails(ctx, stringArray(jsonObject(request).emails, "emails", 100)),
  },
  {
    method: "POST",
    path: "/wiki/api/v2/user/access/invite-by-email",
    scopes: READ_CONFIGURATION,
    handler: async (ctx, request, reply) => {
      // "Invite a list of emails to the site. Ignores all invalid emails and no action is taken
      // for the emails that already have access to the site." The emulator sends no mail.
      sortEmails(ctx, stringArray(jsonObject(request).emails, "emails", 100));
      return reply.code(200).send();
    },
  },
  {
    method: "POST",
    path: "/wiki/api/v2/content/convert-ids-to-types",
    scopes: READ_CONTENT_METADATA,
    handler: async (ctx, request) => {
      const ids = jsonObject(request).contentIds;
      if (!Array.isArray(ids) || ids.length > 100) {
        throw badRequest("contentIds must be an array of at most 100 ids");
      }
      const results: Record<string, string> = {};
      for (const raw of ids) {
        if (typeof raw !== "string" && typeof raw !== "number") {
          throw badRequest("contentIds holds strings or numbers");
        }
        const id = String(raw);
        const type = contentTypeOf(ctx, id);
        // Ids that are no content of the site are left out.
        if (type !== undefined) results[id] = type;
      }
      return { results };
    },
  },
];
