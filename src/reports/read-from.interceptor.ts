import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { ReportReader } from '../database/report-reader';

/**
 * Runs a report route on one read point (ReportReader.within) and, with a replica configured,
 * says which database answered in `X-Read-From`: the body's `readFrom` when it has an `asOf`
 * (a shared live figure may have been computed on another request's point), else the request's
 * own point. A request that lost the replica midway was answered by the primary, so its body
 * loses the `readFrom` it may have taken before. Streamed files send their headers early, with
 * the point the request started on.
 */
@Injectable()
export class ReadFromInterceptor implements NestInterceptor {
  constructor(private readonly reader: ReportReader) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reader.replicaConfigured) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return from(
      this.reader.within(async () => {
        res.setHeader('X-Read-From', this.reader.point().source);
        const answered: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        const body = this.reader.fellBack() ? withoutReadFrom(answered) : answered;
        if (!res.headersSent) res.setHeader('X-Read-From', answeredBy(body) ?? this.reader.point().source);
        return body;
      }),
    );
  }
}

/** Where a report with an `asOf` was read from, by its `readFrom`. */
function answeredBy(body: unknown): 'replica' | 'primary' | undefined {
  if (typeof body !== 'object' || body === null || !('asOf' in body)) return undefined;
  return 'readFrom' in body && body.readFrom !== undefined ? 'replica' : 'primary';
}

/** A copy of the body without `readFrom` (a live figure's body may be shared with other requests). */
function withoutReadFrom(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('readFrom' in body)) return body;
  const { readFrom: _readFrom, ...rest } = body;
  return rest;
}
