import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** AES-256-GCM for secrets at rest (camera stream URLs with credentials), and MACs. */
export class SecretBox {
  private readonly key: Buffer;
  private readonly macKey: Buffer;

  constructor(key: string) {
    const bytes = /^[0-9a-f]{64}$/i.test(key)
      ? Buffer.from(key, 'hex')
      : Buffer.from(key, 'base64');
    if (bytes.length !== 32)
      throw new Error('the secret key must be 32 bytes (64 hex characters or base64)');
    this.key = bytes;
    // A separate key for MACs, derived so the cipher key is never used for two purposes.
    this.macKey = createHmac('sha256', bytes).update('matthan mac v1').digest();
  }

  /** HMAC-SHA256 (hex) of `text`: proves the server wrote a value (the audit log's head). */
  mac(text: string): string {
    return createHmac('sha256', this.macKey).update(text, 'utf8').digest('hex');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('unrecognised sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** Removes the user:password part of a URL, for display and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}
