import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Channel } from './channels/channel';
import { DingtalkChannel } from './channels/dingtalk.channel';
import { EmailChannel } from './channels/email.channel';
import { WebhookChannel } from './channels/webhook.channel';
import { WecomChannel } from './channels/wecom.channel';
import type { ChannelKind } from './notification-types';
import { NotificationsRepository } from './notifications.repository';

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

/**
 * Sends one delivery. The row stays locked while it is sent, so a second job for it (another
 * instance, a requeue) skips it; a delivered row is never sent again. A failure is recorded and
 * retried after base × 2^(attempt − 1) until the last attempt, which leaves it in the dead-letter list.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Notifications');
  private readonly email: EmailChannel;
  private readonly channels: Record<ChannelKind, Channel>;

  constructor(
    private readonly repository: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.email = new EmailChannel(config.notifications.smtpUrl, config.notifications.smtpFrom);
    this.channels = {
      wecom: new WecomChannel(),
      dingtalk: new DingtalkChannel(),
      email: this.email,
      webhook: new WebhookChannel(),
    };
  }

  deliver(deliveryId: string): Promise<DeliveryOutcome> {
    return this.repository.transaction(async (em) => {
      const delivery = await this.repository.claim(em, deliveryId);
      if (!delivery) return 'skipped';
      try {
        if (!delivery.enabled) throw new Error('the channel is switched off');
        await this.channels[delivery.kind].send(delivery, {
          id: delivery.id,
          type: delivery.type,
          title: delivery.title,
          body: delivery.body,
          link: delivery.link,
          at: delivery.createdAt,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const attempt = delivery.attempts + 1;
        const { maxAttempts, retryBaseMs } = this.config.notifications;
        const retryAt = attempt < maxAttempts ? new Date(Date.now() + retryBaseMs * 2 ** (attempt - 1)) : null;
        await this.repository.markFailed(em, delivery.id, reason, retryAt);
        this.logger.warn(
          `delivery ${delivery.id} (${delivery.kind}) attempt ${attempt} failed: ${reason}` +
            (retryAt ? `; retry at ${retryAt.toISOString()}` : '; moved to the dead-letter list'),
        );
        return retryAt ? 'retrying' : 'failed';
      }
      await this.repository.markDelivered(em, delivery.id);
      return 'delivered';
    });
  }

  close(): void {
    this.email.close();
  }
}
