import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';

/** The longest a log line waits in the buffer before it is written. */
const FLUSH_EVERY_MS = 1000;
let destination: pino.DestinationStream | undefined;

/**
 * Standard output, written in blocks of 4 kB or more rather than one write (a system call and a
 * thread-pool job) per request's line. A line waits at most a second; pino writes what is left
 * when the process exits, so only a process killed outright (SIGKILL) can lose its last second.
 * One per process: every app in it shares it.
 */
function logDestination(): pino.DestinationStream {
  if (!destination) {
    const stream = pino.destination({ dest: 1, minLength: 4096, sync: false });
    setInterval(() => {
      try {
        stream.flush();
      } catch {
        // closed: the process is exiting, and pino has written the rest
      }
    }, FLUSH_EVERY_MS).unref();
    destination = stream;
  }
  return destination;
}

/** The service's logger: JSON lines on standard output. */
export function createLogger(level: string): pino.Logger {
  return pino({ level }, logDestination());
}

/**
 * A URL fit for the log: the enterprise's tracking token (in `/t/<token>` pages and the
 * `/api/v1/track/<token>` routes) is a password to its problem and never written down.
 */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/^(\/api\/v1\/track\/|\/t\/)[^/?#]+/, '$1[token]');
}

/** A client's X-Request-Id is kept when it is fit to log and to show in an error; else one is made. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/**
 * Gives each request its correlation id (`req.id`, quoted by 5xx answers) and logs one line when
 * its response is finished, or aborted when the connection closes first: id, method, URL, status
 * and time, at info, warn for 4xx and error for 5xx. It replaces pino-http, whose child loggers
 * and request context took the service's CPU per list page from 1.29 to 1.50 ms (A/B on the
 * million-problem benchmark set).
 */
export function requestLog(logger: pino.Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = Date.now();
    const id = requestId(req);
    (req as IncomingMessage & { id: string }).id = id;
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const statusCode = res.statusCode;
      const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
      logger[level](
        {
          req: { id, method: req.method, url: redactUrl(req.url) },
          res: { statusCode },
          responseTime: Date.now() - started,
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
