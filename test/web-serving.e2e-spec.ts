import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { acceptsEncoding, WEB_DIR } from '../src/web/serve-web';
import { createTestApp, TestApp } from './support/test-app';

/** The service serves the built web app at / beside the API (npm test builds it first). */
describe('the web app at /', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves index.html at / and at the app’s own routes, never cached', async () => {
    for (const path of ['/', '/dashboard', '/problems/6f1c0a52-58b4-4b8e-9b59-3b1f2a7c9d10']) {
      const res = await t.http().get(path).set('Accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('serves the hashed assets for a year', async () => {
    const script = readdirSync(join(WEB_DIR, 'assets')).find((name) => name.endsWith('.js'))!;
    const res = await t.http().get(`/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  /** The largest script: the one where compression matters. */
  const largestScript = () =>
    readdirSync(join(WEB_DIR, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .sort((a, b) => statSync(join(WEB_DIR, 'assets', b)).size - statSync(join(WEB_DIR, 'assets', a)).size)[0]!;

  it('sends the brotli copy to a browser that takes it, the gzip one to one that takes only gzip', async () => {
    const script = largestScript();
    const original = readFileSync(join(WEB_DIR, 'assets', script), 'utf8');
    for (const [accept, encoding, suffix] of [
      ['gzip, deflate, br, zstd', 'br', '.br'],
      ['gzip', 'gzip', '.gz'],
      ['br;q=0, gzip;q=0.8', 'gzip', '.gz'],
    ] as const) {
      const res = await t.http().get(`/assets/${script}`).set('Accept-Encoding', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // What travels is the compressed copy (far smaller), and it unpacks to the script itself.
      expect(Number(res.headers['content-length'])).toBe(statSync(join(WEB_DIR, 'assets', script + suffix)).size);
      expect(Number(res.headers['content-length'])).toBeLessThan(original.length / 2);
      expect(res.text).toBe(original);
    }
  });

  it('sends the plain file to a client that takes no compression', async () => {
    const script = largestScript();
    const res = await t.http().get(`/assets/${script}`).set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(Number(res.headers['content-length'])).toBe(statSync(join(WEB_DIR, 'assets', script)).size);
  });

  it('serves the service worker at /sw.js, asked again on every load', async () => {
    expect(existsSync(join(WEB_DIR, 'sw.js'))).toBe(true);
    const res = await t.http().get('/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('outreach-code-');
    // Every file it is to keep is one the build wrote (one missing file fails its whole install).
    const manifest = JSON.parse(/const MANIFEST = (\{.*\});/.exec(res.text)![1]!) as {
      shell: string[];
      roles: Record<string, string[]>;
    };
    expect(manifest.shell.length).toBeGreaterThan(0);
    expect(Object.keys(manifest.roles).sort()).toEqual(['admin', 'handler', 'manager', 'official']);
    for (const file of [...manifest.shell, ...Object.values(manifest.roles).flat()]) {
      expect(existsSync(join(WEB_DIR, file))).toBe(true);
    }
    // The shell is what index.html loads.
    const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    for (const [, script] of html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)) expect(manifest.shell).toContain(script);
  });

  it('serves nothing outside the build’s assets folder', async () => {
    for (const path of ['/assets/..%2f..%2fpackage.json', '/assets/.hidden.js', '/assets/no-such-file.js']) {
      const res = await t.http().get(path);
      expect(res.status).toBe(404);
    }
  });

  it('reads Accept-Encoding as browsers write it', () => {
    expect(acceptsEncoding('gzip, deflate, br', 'br')).toBe(true);
    expect(acceptsEncoding('gzip;q=1.0, br;q=0', 'br')).toBe(false);
    expect(acceptsEncoding('*', 'gzip')).toBe(true);
    expect(acceptsEncoding(undefined, 'gzip')).toBe(false);
    expect(acceptsEncoding('identity', 'gzip')).toBe(false);
  });

  it('leaves /api to the API, and answers API clients (no text/html) with the JSON 404', async () => {
    for (const [path, accept] of [
      ['/api/v1/no-such-thing', 'text/html'],
      ['/dashboard', 'application/json'],
    ]) {
      const res = await t.http().get(path).set('Accept', accept);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('keeps the security headers on the page', async () => {
    const res = await t.http().get('/').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
