import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { redactUrl, requestLog } from './logging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Line {
  level: number;
  msg: string;
  req: { id: string; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
}

describe('requestLog', () => {
  const lines: Line[] = [];
  const ids: string[] = [];
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Line);
        done();
      },
    });
    const log = requestLog(pino({ level: 'info' }, sink));
    server = createServer((req, res) => {
      log(req, res, () => {
        ids.push((req as typeof req & { id: string }).id);
        if (req.url === '/hang') return; // answered never: the client gives up
        res.statusCode = Number(new URL(req.url!, 'http://x').searchParams.get('status'));
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      request({ port, path, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      })
        .on('error', reject)
        .end();
    });
  /** The lines logged so far for a URL, once the response's events have run. */
  const linesFor = async (url: string) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return lines.filter((line) => line.req.url === url);
  };

  it('logs one line per request with its id, method, URL, status and time, at a level by status', async () => {
    for (const status of [200, 404, 503])
      await get(`/problems?status=${status}`, { 'X-Request-Id': `given-${status}` });
    for (const [status, level] of [
      [200, 30],
      [404, 40],
      [503, 50],
    ]) {
      const logged = await linesFor(`/problems?status=${status}`);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        level,
        msg: 'request completed',
        req: { id: `given-${status}`, method: 'GET' },
        res: { statusCode: status },
      });
      expect(logged[0]!.responseTime).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives the request its id: the client’s when fit, else a new UUID each time', async () => {
    ids.length = 0;
    await get('/ids?status=200', { 'X-Request-Id': 'A.b-c_9' });
    await get('/ids?status=200', { 'X-Request-Id': 'has space' });
    await get('/ids?status=200');
    expect(ids[0]).toBe('A.b-c_9');
    expect(ids[1]).toMatch(UUID);
    expect(ids[2]).toMatch(UUID);
    expect(ids[1]).not.toBe(ids[2]);
    expect((await linesFor('/ids?status=200')).map((line) => line.req.id)).toEqual(ids);
  });

  it('logs a request whose client went away before the answer as aborted, once', async () => {
    const client = request({ port, path: '/hang' }).on('error', () => undefined);
    client.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = await linesFor('/hang');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 30, msg: 'request aborted', req: { method: 'GET', url: '/hang' } });
  });

  it("never writes an enterprise's tracking token: the page and the API paths are logged redacted", async () => {
    const token = 'Abc_def-0123456789abcdefghijklmnopqrstuvwxy';
    await get(`/api/v1/track/${token}?status=404`);
    await get(`/api/v1/track/${token}/rating?status=201`);
    await get(`/t/${token}?status=200`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(lines.map((line) => line.req.url)).toEqual(
      expect.arrayContaining([
        '/api/v1/track/[token]?status=404',
        '/api/v1/track/[token]/rating?status=201',
        '/t/[token]?status=200',
      ]),
    );
  });
});

describe('redactUrl', () => {
  it('leaves every other URL as it is', () => {
    expect(redactUrl('/api/v1/problems/t/abc')).toBe('/api/v1/problems/t/abc');
    expect(redactUrl('/tracking')).toBe('/tracking');
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
