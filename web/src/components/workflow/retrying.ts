import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';

/** Why a send is being repeated: no answer at all, the service busy (429), or the service unavailable (5xx). */
type RetryReason = 'network' | 'busy' | 'unavailable';

export interface RetryState {
  /** Attempts made so far. */
  attempts: number;
  reason: RetryReason;
  /** When the next attempt starts (epoch ms); null while it is under way. */
  retryAt: number | null;
}

/** Thrown when the user stops the retries. */
export class RetryStopped extends Error {}

/** An attempt that got no answer within this long is abandoned and repeated. */
const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_WAIT_SECONDS = 30;

function retryReason(error: unknown): RetryReason | null {
  if (!(error instanceof ApiError)) return 'network';
  if (error.status === 429) return 'busy';
  if (error.status === 502 || error.status === 503 || error.status === 504) return 'unavailable';
  return null;
}

/** Exponential backoff with jitter, at least what the service asked for (429 `retryAfterSeconds`). */
function waitSeconds(attempts: number, error: unknown): number {
  const backoff = Math.min(MAX_WAIT_SECONDS, 2 ** (attempts - 1)) * (0.75 + Math.random() / 2);
  const asked =
    error instanceof ApiError && typeof error.body.retryAfterSeconds === 'number' ? error.body.retryAfterSeconds : 0;
  return Math.max(1, Math.round(Math.max(backoff, asked)));
}

/**
 * Sends until the service answers: network failures, timeouts, 429 and 5xx-unavailable are
 * repeated (the caller sends the same request, e.g. with the same Idempotency-Key); any other
 * answer settles. `state` says when it is waiting to retry; the user may retry now or stop.
 */
export function useRetryingSend() {
  const [state, setState] = useState<RetryState | null>(null);
  const control = useRef<{ stopped: boolean; abort?: AbortController; wake?: () => void }>({ stopped: false });

  const stop = useCallback(() => {
    control.current.stopped = true;
    control.current.abort?.abort();
    control.current.wake?.();
  }, []);
  const retryNow = useCallback(() => control.current.wake?.(), []);
  useEffect(() => stop, [stop]);

  const send = useCallback(async <T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const current = { stopped: false } as typeof control.current;
    control.current = current;
    try {
      for (let attempts = 1; ; attempts++) {
        current.abort = new AbortController();
        const timer = setTimeout(() => current.abort?.abort(), ATTEMPT_TIMEOUT_MS);
        try {
          return await attempt(current.abort.signal);
        } catch (error) {
          if (current.stopped) throw new RetryStopped();
          const reason = retryReason(error);
          if (!reason) throw error;
          const seconds = waitSeconds(attempts, error);
          setState({ attempts, reason, retryAt: Date.now() + seconds * 1000 });
          await new Promise<void>((resolve) => {
            const wake = () => {
              clearTimeout(wait);
              window.removeEventListener('online', wake);
              resolve();
            };
            const wait = setTimeout(wake, seconds * 1000);
            // The network is back: send now rather than wait out the backoff.
            window.addEventListener('online', wake);
            current.wake = wake;
          });
          if (current.stopped) throw new RetryStopped();
          setState({ attempts, reason, retryAt: null });
        } finally {
          clearTimeout(timer);
        }
      }
    } finally {
      setState(null);
    }
  }, []);

  return { state, send, retryNow, stop };
}
