import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { CreateChannelDto, UpdateChannelDto } from './notifications.dto';
import type { ChannelKind, DeliveryStatus } from './notification-types';
import { NotificationsRepository, type ChannelRow, type DeliveryRow } from './notifications.repository';
import type { ChannelResponse, DeliveryResponse } from './notifications.response';

/** The query parameter that carries a robot's credential in the URL its admin copies. */
const TOKEN_PARAMETER: Partial<Record<ChannelKind, string>> = { wecom: 'key', dingtalk: 'access_token' };
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The admins' side: channels (secrets write-only) and the deliveries, with the dead-letter list. */
@Injectable()
export class NotificationChannelsService {
  constructor(private readonly repository: NotificationsRepository) {}

  async list(): Promise<{ items: ChannelResponse[] }> {
    return { items: (await this.repository.channels()).map(toChannel) };
  }

  async create(body: CreateChannelDto): Promise<ChannelResponse> {
    if ((body.departmentId === undefined) === (body.userId === undefined))
      throw DomainError.invalidField('departmentId', 'give departmentId or userId, one of them');
    const { target, token } = splitTarget(body.kind, body.target);
    return this.repository.transaction(async (em) => {
      if (body.departmentId && !(await this.repository.departmentExists(em, body.departmentId)))
        throw DomainError.invalidField('departmentId', 'no such department');
      if (body.userId && !(await this.repository.userExists(em, body.userId)))
        throw DomainError.invalidField('userId', 'no such user');
      const id = await this.repository.insertChannel(em, {
        kind: body.kind,
        name: body.name,
        departmentId: body.departmentId ?? null,
        userId: body.userId ?? null,
        target,
        token,
        secret: body.secret ?? null,
        enabled: body.enabled ?? true,
      });
      return toChannel((await this.repository.channel(em, id))!);
    });
  }

  async update(id: string, body: UpdateChannelDto): Promise<ChannelResponse> {
    return this.repository.transaction(async (em) => {
      const current = await this.repository.channel(em, id);
      if (!current) throw DomainError.notFound('notification channel');
      const split = body.target === undefined ? undefined : splitTarget(current.kind, body.target);
      await this.repository.updateChannel(em, id, {
        name: body.name,
        target: split?.target,
        // A new URL without a key keeps the stored one.
        token: split?.token ?? undefined,
        secret: body.secret,
        enabled: body.enabled,
      });
      return toChannel((await this.repository.channel(em, id))!);
    });
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.deleteChannel(id))) throw DomainError.notFound('notification channel');
  }

  async deliveries(status: DeliveryStatus | undefined): Promise<{ items: DeliveryResponse[] }> {
    return { items: (await this.repository.deliveries(status, 200)).map(toDelivery) };
  }

  /** Sends a failed delivery again, with fresh attempts; 409 unless it is in the dead-letter list. */
  async retry(id: string): Promise<DeliveryResponse> {
    return this.repository.transaction(async (em) => {
      const current = await this.repository.delivery(em, id);
      if (!current) throw DomainError.notFound('delivery');
      if (!(await this.repository.retry(em, id)))
        throw new DomainError(
          ErrorCode.Conflict,
          `only a failed delivery can be retried; this one is ${current.status}`,
        );
      return toDelivery((await this.repository.delivery(em, id))!);
    });
  }
}

/** Checks the target of a kind and takes a robot's credential out of its URL, so that no answer shows it. */
function splitTarget(kind: ChannelKind, raw: string): { target: string; token: string | null } {
  if (kind === 'email') {
    if (!EMAIL.test(raw)) throw DomainError.invalidField('target', 'expected an e-mail address');
    return { target: raw, token: null };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw DomainError.invalidField('target', 'expected an http:// or https:// URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw DomainError.invalidField('target', 'expected an http:// or https:// URL');
  if (url.username || url.password) throw DomainError.invalidField('target', 'put no user or password in the URL');
  const parameter = TOKEN_PARAMETER[kind];
  const token = parameter ? url.searchParams.get(parameter) : null;
  if (parameter) url.searchParams.delete(parameter);
  return { target: url.toString(), token: token || null };
}

function toChannel(row: ChannelRow): ChannelResponse {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    userId: row.userId,
    userName: row.userName,
    target: row.target,
    hasToken: row.hasToken,
    hasSecret: row.hasSecret,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toDelivery(row: DeliveryRow): DeliveryResponse {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deliveredAt: row.deliveredAt ? row.deliveredAt.toISOString() : null,
  };
}
