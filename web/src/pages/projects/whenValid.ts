import type { FormInstance } from 'antd';

/**
 * Validates a dialog's form and hands the values on when they pass. A failed validation is not an
 * error of the page: the form already shows each field in error beside it, so the rejection is
 * handled here rather than left uncaught. A validation overtaken by a newer one (a field changed
 * meanwhile) with nothing wrong is asked again.
 */
export function whenValid<T>(form: FormInstance<T>, onValid: (values: T) => void): void {
  form.validateFields().then(onValid, (failure: { errorFields?: unknown[]; outOfDate?: boolean } | undefined) => {
    if (failure?.outOfDate && !failure.errorFields?.length) whenValid(form, onValid);
  });
}
