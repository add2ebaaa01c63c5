import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, registerDecorator, ValidationArguments } from 'class-validator';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2100-01-01T00:00:00Z');
/** Clocks on phones drift; a timestamp this far ahead of ours still counts as "now". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** An ISO 8601 instant with an explicit offset (`Z` or `+08:00`), from 2000 to 2100. */
export function IsTimestamp(options: { notInFuture?: boolean } = {}) {
  // Constraints run in the order registered and the error reports the last to fail, so the
  // plainest check (is it a timestamp at all?) is registered last.
  const decorators = [
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'timestampRange',
        target: target.constructor,
        propertyName: String(propertyName),
        validator: {
          validate(value: unknown) {
            if (typeof value !== 'string') return false;
            const at = Date.parse(value);
            if (Number.isNaN(at) || at < EARLIEST || at >= LATEST) return false;
            return !options.notInFuture || at <= Date.now() + CLOCK_SKEW_MS;
          },
          defaultMessage: ({ property }: ValidationArguments) =>
            options.notInFuture
              ? `${property} must not be in the future (nor before the year 2000)`
              : `${property} must lie between the years 2000 and 2100`,
        },
      }),
    Matches(WITH_OFFSET, {
      message: ({ property }) =>
        `${property} must be an ISO 8601 timestamp with an offset, e.g. 2025-03-31T23:30:00+08:00`,
    }),
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: ({ property }) => `${property} must be an ISO 8601 timestamp` },
    ),
  ];
  return applyDecorators(...decorators);
}
