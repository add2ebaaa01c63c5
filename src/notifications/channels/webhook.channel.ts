import { createHmac } from 'node:crypto';
import { Channel, ChannelTarget, OutgoingMessage, postJson } from './channel';

export const SIGNATURE_HEADER = 'X-Outreach-Signature';
export const TIMESTAMP_HEADER = 'X-Outreach-Timestamp';

/**
 * The city's own systems: POST the message as JSON; with a secret, `X-Outreach-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body>`. The body carries the delivery id (to drop a repeat)
 * and the instant, which the timestamp header repeats in Unix seconds.
 */
export class WebhookChannel implements Channel {
  readonly kind = 'webhook' as const;

  async send(target: ChannelTarget, message: OutgoingMessage): Promise<void> {
    const body = JSON.stringify({
      id: message.id,
      type: message.type,
      title: message.title,
      body: message.body,
      link: message.link,
      at: message.at.toISOString(),
    });
    const headers: Record<string, string> = { [TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)) };
    if (target.secret) headers[SIGNATURE_HEADER] = `sha256=${webhookSignature(target.secret, body)}`;
    await postJson(target.target, body, headers);
  }
}

export function webhookSignature(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}
