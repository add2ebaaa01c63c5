import { createHmac } from 'node:crypto';
import { Channel, ChannelTarget, checkRobotAnswer, markdown, OutgoingMessage, postJson } from './channel';

/**
 * DingTalk (钉钉) group robot: POST `{ msgtype: 'markdown', markdown: { title, text } }` to the
 * robot's URL with its `access_token`; with a signing secret ("加签"), also `timestamp` (ms) and
 * `sign`, the Base64 of HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`.
 */
export class DingtalkChannel implements Channel {
  readonly kind = 'dingtalk' as const;

  constructor(private readonly now: () => number = Date.now) {}

  async send(target: ChannelTarget, message: OutgoingMessage): Promise<void> {
    const url = new URL(target.target);
    if (target.token) url.searchParams.set('access_token', target.token);
    if (target.secret) {
      const timestamp = String(this.now());
      url.searchParams.set('timestamp', timestamp);
      // URLSearchParams percent-encodes the Base64 (+, / and =), as DingTalk asks.
      url.searchParams.set('sign', dingtalkSign(target.secret, timestamp));
    }
    const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title, text: markdown(message) } });
    checkRobotAnswer(await postJson(url.toString(), body));
  }
}

export function dingtalkSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}
