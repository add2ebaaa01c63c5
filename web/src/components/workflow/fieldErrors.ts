import type { FormInstance } from 'antd';
import { ApiError } from '../../api';

type T = (zh: string, en: string) => string;

interface FieldError {
  field: string;
  message: string;
}

/** The `errors` list of a 400/409 answer: `{ field, message }`, nested fields dotted (`problems.0.title`). */
function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.errors)) return [];
  return (error.body.errors as unknown[]).filter(
    (e): e is FieldError =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as FieldError).field === 'string' &&
      typeof (e as FieldError).message === 'string',
  );
}

/**
 * Shows the service's field errors on the form's own fields. `fields` names the form's fields,
 * with `*` for a list index (`problems.*.title`); `messages` replaces the service's wording for
 * a field. Returns true when every error found its field.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: string[],
  t: T,
  messages: Record<string, string> = {},
): boolean {
  const errors = fieldErrorsOf(error);
  const placed = errors.filter((e) => fields.includes(e.field.replace(/\.\d+(?=\.|$)/g, '.*')));
  const named = placed.map((e) => ({
    name: e.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors: [messages[e.field] ?? t(`不符合要求：${e.message}`, e.message)],
  }));
  form.setFields(named);
  if (named.length) form.scrollToField(named[0].name, { block: 'center' });
  return errors.length > 0 && placed.length === errors.length;
}
