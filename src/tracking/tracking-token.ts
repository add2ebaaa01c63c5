import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** A tracking token: 32 random bytes in base64url, 43 characters. */
export function newTrackingToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a path segment could be a token at all (checked before any query). */
export function isTrackingTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** What the database keeps to find a link: the token's SHA-256, in hex. */
export function trackingTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Seals a token so that the same link can be shown again while it is valid, without keeping it in
 * the clear: AES-256-GCM under a key derived (HKDF) from the service's secret. A database copy
 * alone then gives no working link. When the secret changes the old seals no longer open; the
 * links still work (they are found by hash), and the next request for a link makes a new one.
 */
export class TrackingTokenSeal {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'outreach-tracking-links', 'token seal', 32));
  }

  seal(token: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The token, or undefined when the seal was made under another secret (or is damaged). */
  open(sealed: string): string | undefined {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
