import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // Constraints run bottom-up, so the last to run is the decorator written first: the type or
    // presence check. One message per field, and that one, says what is most basic.
    const messages = Object.values(error.constraints ?? {});
    const own = messages.length
      ? [{ field, message: messages[messages.length - 1]!.replace(/^property \S+ should not exist$/, 'unknown field') }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The one global pipe: unknown fields are refused, bodies become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const summary = fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return new DomainError(ErrorCode.ValidationFailed, summary || 'invalid input', {
        errors: fieldErrors,
      });
    },
  });
}
