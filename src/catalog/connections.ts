// The specification's two connections. Keys are those of Prismatic's own Confluence component
// (prismatic-io/components: components/confluence/src/connections.ts uses `basic` and
// `oauth2`), so integrations built on it keep their connection config when switching.
import type { ConnectionDef } from "./types.js";

export const BASIC_CONNECTION_KEY = "basic";
export const OAUTH2_CONNECTION_KEY = "oauth2";

export const basicConnection: ConnectionDef = {
  key: BASIC_CONNECTION_KEY,
  label: "Confluence Basic",
  description: "Confluence Basic",
  oauth2: false,
  inputs: {
    email: {
      label: "Email",
      comments: "Provide a valid email for the given Confluence account you want to connect.",
      type: "string",
      required: true,
      example: "someone@example.com",
    },
    apiToken: {
      label: "API Token",
      comments:
        "Provide an api token to authenticate all requests with. Cloud users need to generate an API token for this value.",
      type: "password",
      required: true,
    },
    host: {
      label: "Host",
      comments: "Provide a string value for the URL of your Confluence account.",
      type: "string",
      required: true,
      example: "example.atlassian.net",
      // The rules of src/core/host.ts, as the runner's operator and the connection's author see them.
      docsNote:
        "Use the site's https:// address (example.atlassian.net, or https://example.atlassian.net/wiki); a host outside atlassian.net (a custom domain) works but is logged once as a warning. Link-local and cloud metadata addresses (169.254.x.x, fe80::, metadata.google.internal) are always refused. Hosts on the machine running the connector (localhost, 127.x.x.x, [::1]), over http:// or https://, are refused unless whoever runs the connector sets the environment variable CONFLUENCE_ALLOW_LOOPBACK_HTTP=1 (for a local emulator); a connection alone can never allow them.",
    },
  },
};

// Atlassian OAuth 2.0 (3LO): https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/
export const oauth2Connection: ConnectionDef = {
  key: OAUTH2_CONNECTION_KEY,
  label: "Confluence OAuth 2.0",
  description: "Confluence OAuth 2.0",
  oauth2: true,
  inputs: {
    authorizeUrl: {
      label: "Authorize URL",
      comments: "The OAuth 2.0 Authorization URL for Confluence",
      default: "https://auth.atlassian.com/authorize?audience=api.atlassian.com&prompt=consent",
      type: "string",
      required: true,
    },
    tokenUrl: {
      label: "Token URL",
      comments: "The OAuth 2.0 Token URL for Confluence",
      default: "https://auth.atlassian.com/oauth/token",
      type: "string",
      required: true,
    },
    scopes: {
      label: "Scopes",
      comments:
        "A space-delimited set of one or more scopes to get the user's permission to access.",
      default:
        "offline_access delete:attachment:confluence read:attachment:confluence write:attachment:confluence read:custom-content:confluence write:custom-content:confluence delete:custom-content:confluence read:page:confluence write:page:confluence delete:page:confluence read:space:confluence",
      type: "string",
      required: true,
    },
    clientId: { label: "Client ID", comments: "", type: "string", required: true },
    clientSecret: { label: "Client Secret", comments: "", type: "password", required: true },
    apiSiteOverride: {
      label: "API Site Override",
      comments:
        "By default this connector connects to the first Confluence site this user has access to. If you have multiple Confluence sites, please specify which one you would like to connect to, you can use the site name or the full url.",
      type: "string",
      required: false,
      example: "example.atlassian.net",
    },
  },
};

export const connections: readonly ConnectionDef[] = [basicConnection, oauth2Connection];
