import { Channel, ChannelTarget, checkRobotAnswer, markdown, OutgoingMessage, postJson } from './channel';

/**
 * WeCom (企业微信 / 政务微信) group robot: POST `{ msgtype: 'markdown', markdown: { content } }` to
 * the robot's webhook URL with its `key` as a query parameter.
 */
export class WecomChannel implements Channel {
  readonly kind = 'wecom' as const;

  async send(target: ChannelTarget, message: OutgoingMessage): Promise<void> {
    const url = new URL(target.target);
    if (target.token) url.searchParams.set('key', target.token);
    const body = JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown(message) } });
    checkRobotAnswer(await postJson(url.toString(), body));
  }
}
