import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIR } from '../src/web/serve-web';
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
      expect(res.text).toContain('<div id="root"></div>');
    }
  });

  it('serves the hashed assets for a year', async () => {
    const script = readdirSync(join(WEB_DIR, 'assets')).find((name) => name.endsWith('.js'))!;
    const res = await t.http().get(`/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
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
