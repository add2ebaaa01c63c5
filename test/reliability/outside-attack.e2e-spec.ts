import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from '../support/test-app';
import { printFigure } from './figures';
import { TEST_ENV } from './support-http';

/**
 * Slow requests from outside: a client that trickles its headers or its body keeps a socket (Node
 * allowed 300 s for a body). With HTTP_HEADERS_TIMEOUT_SECONDS=1 and HTTP_REQUEST_TIMEOUT_SECONDS=3
 * (20 s and 60 s by default), both are cut with 408 close to those times, while a slow client that
 * finishes in time is answered as usual.
 */

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 3000;
/** Longest the test waits for a cut: on the old defaults it would wait 300 s. */
const GIVE_UP_MS = 10_000;

interface Trickle {
  /** Until the server closed the socket, or GIVE_UP_MS. */
  ms: number;
  closed: boolean;
  answer: string;
}

/**
 * Opens a socket, writes `head` at once, then one piece of `drip` every `everyMs` until the pieces
 * run out or the server closes the socket.
 */
function trickle(port: number, head: string, drip: string[], everyMs: number): Promise<Trickle> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ ms: Date.now() - started, closed, answer });
    };
    const giveUp = setTimeout(() => finish(false), GIVE_UP_MS);
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (answer += data));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      socket.write(head);
      let next = 0;
      timer = setInterval(() => {
        if (next < drip.length && socket.writable) socket.write(drip[next++]!);
      }, everyMs);
    });
  });
}

describe('outside attack: slow requests', () => {
  let t: TestApp;
  let port: number;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({
      ...TEST_ENV,
      HTTP_HEADERS_TIMEOUT_SECONDS: String(HEADERS_TIMEOUT_MS / 1000),
      HTTP_REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_MS / 1000),
      HTTPS_HEADERS: 'always',
    });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    printFigure('outside/slow-requests', figures);
    await t?.close();
  });

  const loginHead = (length: number) =>
    'POST /api/v1/auth/login HTTP/1.1\r\nHost: intranet.test\r\nContent-Type: application/json\r\nConnection: close\r\n' +
    `Content-Length: ${length}\r\n\r\n`;

  it('cuts a body that trickles in (a byte every 100 ms) at the request timeout with 408', async () => {
    const result = await trickle(
      port,
      loginHead(1000),
      Array.from({ length: 1000 }, () => ' '),
      100,
    );
    figures.bodyCutAfterMs = result.ms;
    expect(result.closed).toBe(true);
    expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(result.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(result.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1500);
  });

  it('cuts headers that trickle in at the headers timeout with 408', async () => {
    const result = await trickle(
      port,
      'GET /api/v1/health HTTP/1.1\r\nHost: intranet.test\r\n',
      Array.from({ length: 200 }, (_, i) => `X-Slow-${i}: x\r\n`),
      100,
    );
    figures.headersCutAfterMs = result.ms;
    expect(result.closed).toBe(true);
    expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(result.ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(result.ms).toBeLessThan(HEADERS_TIMEOUT_MS + 1500);
  });

  it('answers a slow client that finishes within the timeouts as usual', async () => {
    const body = JSON.stringify({ username: 'nobody-here', password: 'Wrong-password-1' });
    // 12 pieces 100 ms apart: past the headers timeout, well inside the request timeout.
    const pieces = body.match(/.{1,6}/g)!;
    expect(pieces.length).toBeGreaterThanOrEqual(8);
    const result = await trickle(port, `${loginHead(Buffer.byteLength(body))}`, pieces, 100);
    expect(result.answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(result.answer).toContain('"statusCode":401');
    figures.slowButInTimeMs = result.ms;
  });

  it('sends HSTS and upgrade-insecure-requests on plain HTTP when HTTPS_HEADERS=always', async () => {
    const res = await t.http().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
