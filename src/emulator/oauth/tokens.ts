// Authorization codes, access tokens and rotating refresh tokens of the emulated identity
// service. Rotation follows Atlassian's rotating refresh tokens
// (https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/): every refresh
// returns a new refresh token and spends the old one; presenting a spent refresh token again is
// treated as theft (RFC 6819 §5.2.2.3, RFC 9700 §4.14.2) and revokes the whole family, access
// tokens included, so the user has to authorize again.
import { randomBytes } from "node:crypto";

export interface Grant {
  /** Email of the consenting user. */
  email: string;
  clientId: string;
  scopes: string[];
  /** Cloud ids the user granted. */
  siteIds: string[];
}

interface CodeRecord {
  grant: Grant;
  redirectUri: string;
  expiresAt: number;
}

interface Family {
  grant: Grant;
  revoked: boolean;
}

interface AccessRecord {
  family: Family;
  expiresAt: number;
}

interface RefreshRecord {
  family: Family;
  spent: boolean;
}

export interface IssuedTokens {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  token_type: "Bearer";
}

export type AccessCheck =
  | { ok: true; grant: Grant }
  | { ok: false; reason: "unknown" | "expired" | "revoked" };

export type RefreshOutcome =
  | { ok: true; tokens: IssuedTokens }
  | { ok: false; reason: "unknown" | "reused" | "revoked" | "client" };

/** RFC 6749 §4.1.2 recommends codes live at most 10 minutes. */
const CODE_TTL_MS = 10 * 60_000;

function token(prefix: string): string {
  return `${prefix}-${randomBytes(24).toString("base64url")}`;
}

export class TokenStore {
  private readonly codes = new Map<string, CodeRecord>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issueCode(grant: Grant, redirectUri: string): string {
    const code = token("emu-code");
    this.codes.set(code, { grant, redirectUri, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** A code is single use; the client id and redirect uri must match the authorization. */
  redeemCode(code: string, clientId: string, redirectUri: string): IssuedTokens | undefined {
    const record = this.codes.get(code);
    this.codes.delete(code);
    if (!record || record.expiresAt < this.now()) return undefined;
    if (record.grant.clientId !== clientId || record.redirectUri !== redirectUri) return undefined;
    return this.issue({ grant: record.grant, revoked: false });
  }

  /** Mints a token pair directly (emulator admin endpoint, for tests). */
  mint(grant: Grant, ttlSeconds?: number): IssuedTokens {
    return this.issue({ grant, revoked: false }, ttlSeconds);
  }

  refreshWith(refreshToken: string, clientId: string): RefreshOutcome {
    const record = this.refresh.get(refreshToken);
    if (!record) return { ok: false, reason: "unknown" };
    if (record.family.grant.clientId !== clientId) return { ok: false, reason: "client" };
    if (record.family.revoked) return { ok: false, reason: "revoked" };
    if (record.spent) {
      record.family.revoked = true;
      return { ok: false, reason: "reused" };
    }
    record.spent = true;
    return { ok: true, tokens: this.issue(record.family) };
  }

  check(accessToken: string): AccessCheck {
    const record = this.access.get(accessToken);
    if (!record) return { ok: false, reason: "unknown" };
    if (record.family.revoked) return { ok: false, reason: "revoked" };
    if (record.expiresAt <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true, grant: record.family.grant };
  }

  /** Expires every access token now (admin endpoint): the next call must refresh. */
  expireAll(): void {
    const past = this.now() - 1;
    for (const record of this.access.values()) record.expiresAt = past;
  }

  private issue(family: Family, ttlSeconds = this.ttlSeconds): IssuedTokens {
    const accessToken = token("emu-at");
    this.access.set(accessToken, { family, expiresAt: this.now() + ttlSeconds * 1000 });
    const tokens: IssuedTokens = {
      access_token: accessToken,
      expires_in: ttlSeconds,
      scope: family.grant.scopes.join(" "),
      token_type: "Bearer",
    };
    // A refresh token is only issued when the app asked for offline_access.
    if (family.grant.scopes.includes("offline_access")) {
      const refreshToken = token("emu-rt");
      this.refresh.set(refreshToken, { family, spent: false });
      tokens.refresh_token = refreshToken;
    }
    return tokens;
  }
}
