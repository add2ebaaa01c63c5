import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One request a receiver accepted, after its format checks passed. */
export interface Received {
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  raw: string;
  body: Record<string, unknown>;
}

/**
 * A real HTTP server on 127.0.0.1 that checks each request with `check` (a message in the wrong
 * format is answered 400 and listed in `refused`), fails the next `failNext` requests with 500,
 * and keeps what it accepted.
 */
export class HttpReceiver {
  readonly received: Received[] = [];
  readonly refused: string[] = [];
  failNext = 0;
  failures = 0;
  private server?: Server;

  constructor(
    private readonly check: (request: Received) => string | undefined,
    private readonly answer: Record<string, unknown> = { errcode: 0, errmsg: 'ok' },
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hook`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (this.failNext > 0) {
          this.failNext -= 1;
          this.failures += 1;
          res.writeHead(500).end('receiver down');
          return;
        }
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          this.refused.push(`not JSON: ${raw.slice(0, 80)}`);
          res.writeHead(400).end();
          return;
        }
        const request = { query: new URL(req.url ?? '/', 'http://x').searchParams, headers: req.headers, raw, body };
        const problem = req.method !== 'POST' ? `method ${req.method}` : this.check(request);
        if (problem) {
          this.refused.push(problem);
          res
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errcode: 400, errmsg: problem }));
          return;
        }
        this.received.push(request);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function markdownText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A WeCom group robot: `?key=` and `{ msgtype: 'markdown', markdown: { content } }` (or text). */
export function wecomReceiver(key: string): HttpReceiver {
  return new HttpReceiver((r) => {
    if (r.query.get('key') !== key) return 'wrong or missing key';
    if (r.body.msgtype === 'markdown') {
      return markdownText((r.body.markdown as { content?: unknown } | undefined)?.content)
        ? undefined
        : 'no markdown.content';
    }
    if (r.body.msgtype === 'text') {
      return markdownText((r.body.text as { content?: unknown } | undefined)?.content) ? undefined : 'no text.content';
    }
    return `msgtype ${String(r.body.msgtype)}`;
  });
}

/** A DingTalk robot with 加签: access_token, a recent timestamp, and sign = Base64(HMAC-SHA256(secret, ts + "\n" + secret)). */
export function dingtalkReceiver(accessToken: string, secret: string): HttpReceiver {
  return new HttpReceiver((r) => {
    if (r.query.get('access_token') !== accessToken) return 'wrong or missing access_token';
    const timestamp = r.query.get('timestamp') ?? '';
    if (!/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > 3_600_000) return 'bad timestamp';
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    // URLSearchParams has decoded the percent-encoding once, as DingTalk's server does.
    if (r.query.get('sign') !== expected) return 'bad sign';
    if (r.body.msgtype !== 'markdown') return `msgtype ${String(r.body.msgtype)}`;
    const markdown = r.body.markdown as { title?: unknown; text?: unknown } | undefined;
    if (!markdownText(markdown?.title) || !markdownText(markdown?.text)) return 'no markdown.title or markdown.text';
    return undefined;
  });
}

/** The city's own system: `X-Outreach-Signature: sha256=<hex HMAC of the raw body>` and a timestamp header. */
export function webhookReceiver(secret: string): HttpReceiver {
  return new HttpReceiver(
    (r) => {
      const expected = `sha256=${createHmac('sha256', secret).update(r.raw).digest('hex')}`;
      if (r.headers['x-outreach-signature'] !== expected) return 'bad signature';
      if (!/^\d{10}$/.test(String(r.headers['x-outreach-timestamp'] ?? ''))) return 'bad timestamp header';
      if (typeof r.body.id !== 'string' || typeof r.body.title !== 'string') return 'no id or title';
      return undefined;
    },
    { ok: true },
  );
}

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The headers as sent, the subject and the body decoded (Base64 or quoted-printable, UTF-8). */
  raw: string;
  subject: string;
}

/** Decodes `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words. */
function decodeWords(text: string): string {
  return text
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, encoding: string, data: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(decodeQuotedPrintable(data.replace(/_/g, ' ')), 'binary').toString('utf8'),
    );
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A single-part message as text: its headers, then its body decoded. */
function decodeMail(source: string): { raw: string; subject: string } {
  const split = source.indexOf('\r\n\r\n');
  const headers = split < 0 ? source : source.slice(0, split);
  const body = split < 0 ? '' : source.slice(split + 4);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(decodeQuotedPrintable(body), 'binary').toString('utf8')
        : body;
  const subject = decodeWords(/^subject:(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1]?.trim() ?? '');
  return { raw: `${headers}\r\n\r\n${subject}\r\n${text}`, subject };
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) that keeps every message. */
export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            ...decodeMail(Buffer.concat(chunks).toString('utf8')),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Waits until `condition` holds, checking every 50 ms, up to `ms`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  ms = 20_000,
  what = 'the condition',
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
