import { createTransport, type Transporter } from 'nodemailer';
import { Channel, ChannelTarget, OutgoingMessage, SEND_TIMEOUT_MS } from './channel';

/** E-mail through the SMTP server of `SMTP_URL`, from `SMTP_FROM`. */
export class EmailChannel implements Channel {
  readonly kind = 'email' as const;
  private transport?: Transporter;

  constructor(
    private readonly smtpUrl: string | undefined,
    private readonly from: string,
  ) {}

  async send(target: ChannelTarget, message: OutgoingMessage): Promise<void> {
    if (!this.smtpUrl) throw new Error('SMTP_URL is not set: the e-mail channel has no server to send through');
    if (!this.transport) {
      const url = new URL(this.smtpUrl);
      url.searchParams.set('connectionTimeout', String(SEND_TIMEOUT_MS));
      url.searchParams.set('greetingTimeout', String(SEND_TIMEOUT_MS));
      url.searchParams.set('socketTimeout', String(SEND_TIMEOUT_MS));
      this.transport = createTransport(url.toString());
    }
    const text = message.link ? `${message.body}\n\n查看详情：${message.link}\n` : `${message.body}\n`;
    await this.transport.sendMail({
      from: this.from,
      to: target.target,
      subject: message.title,
      text,
      headers: { 'X-Outreach-Delivery': message.id },
    });
  }

  close(): void {
    this.transport?.close();
  }
}
