import type { ChannelKind, NotificationType } from '../notification-types';

/** Where one configured channel sends: the address, and the write-only key and secret. */
export interface ChannelTarget {
  kind: ChannelKind;
  /** Robot webhook URL (without its key or token), e-mail address, or webhook URL. */
  target: string;
  /** WeCom's robot `key`, DingTalk's `access_token`; null for e-mail and webhooks. */
  token: string | null;
  /** DingTalk's signing secret (`SEC…`), the webhook's HMAC key; null when none. */
  secret: string | null;
}

/** One message, the same on every channel: short, in Chinese, with the link to the problem's page. */
export interface OutgoingMessage {
  /** The delivery's id: receivers may use it to drop a repeat. */
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  at: Date;
}

/** One kind of external channel. `send` resolves once the receiver has accepted the message, and throws otherwise. */
export interface Channel {
  readonly kind: ChannelKind;
  send(target: ChannelTarget, message: OutgoingMessage): Promise<void>;
}

/** How long one send may take before it counts as failed. */
export const SEND_TIMEOUT_MS = 10_000;

/** The message as Markdown, for the robots. */
export function markdown(message: OutgoingMessage): string {
  const lines = [`**${message.title}**`, '', message.body];
  if (message.link) lines.push('', `[查看详情](${message.link})`);
  return lines.join('\n');
}

/** POSTs JSON and checks the HTTP status; robots also answer `errcode` (0 is success). */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}

/** Robots answer 200 with `{ errcode, errmsg }`: anything but errcode 0 is a failure. */
export function checkRobotAnswer(answer: unknown): void {
  const errcode = (answer as { errcode?: unknown } | null)?.errcode;
  if (errcode !== 0) {
    const errmsg = (answer as { errmsg?: unknown } | null)?.errmsg;
    throw new Error(`robot refused the message: errcode ${String(errcode)} ${String(errmsg ?? '')}`.trim());
  }
}
