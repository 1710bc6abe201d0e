// The sites (Atlassian "resources") the emulated user can grant an app access to. Two
// Confluence sites with their own data, and one Jira site whose scopes are not Confluence's, so
// that a client's "first Confluence site" rule and its site override can be tested.
// Shape of GET /oauth/token/accessible-resources:
// https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/#3-1-get-the-cloudid-for-your-site
import type { SiteContext } from "../context.js";

export type SiteProduct = "confluence" | "jira";

export interface EmulatedSite {
  cloudId: string;
  name: string;
  url: string;
  product: SiteProduct;
  /** The Confluence data of the site (undefined for the Jira site). */
  ctx: SiteContext | undefined;
}

export const SITE_IDS = {
  /** The default demo site (the same data as the Basic-auth site at `/`). */
  demo: "11111111-1111-4111-8111-111111111111",
  /** A second Confluence site with its own (generated) data. */
  second: "22222222-2222-4222-8222-222222222222",
  /** A Jira-only site: listed by accessible-resources, never used for Confluence. */
  jira: "33333333-3333-4333-8333-333333333333",
} as const;

export function emulatedSites(demo: SiteContext, second: SiteContext): EmulatedSite[] {
  return [
    {
      cloudId: SITE_IDS.jira,
      name: "emulator-jira",
      url: "https://emulator-jira.atlassian.net",
      product: "jira",
      ctx: undefined,
    },
    {
      cloudId: SITE_IDS.demo,
      name: "emulator-demo",
      url: "https://emulator-demo.atlassian.net",
      product: "confluence",
      ctx: demo,
    },
    {
      cloudId: SITE_IDS.second,
      name: "emulator-second",
      url: "https://emulator-second.atlassian.net",
      product: "confluence",
      ctx: second,
    },
  ];
}

/** The scopes of a grant that belong to a site's product (how Atlassian lists them per resource). */
export function scopesFor(site: EmulatedSite, scopes: readonly string[]): string[] {
  return scopes.filter((scope) => scope.includes(site.product));
}
