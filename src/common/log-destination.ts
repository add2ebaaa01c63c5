import pino from 'pino';

/** The longest a log line waits in the buffer before it is written. */
const FLUSH_EVERY_MS = 1000;
let destination: pino.DestinationStream | undefined;

/**
 * Standard output, written in blocks of 4 kB or more instead of one write per line. Under load the
 * line each request logs cost a write of its own, a tenth of the service's CPU per list page. A
 * line waits at most a second; pino writes what is left when the process exits, so only a process
 * killed outright (SIGKILL) can lose the last second. One per process: every app shares it.
 */
export function logDestination(): pino.DestinationStream {
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
