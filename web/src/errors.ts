import { ApiError } from './api';

type T = (zh: string, en: string) => string;

/** A clear sentence for every refusal the service can give; never a blank page. */
export function errorMessage(error: unknown, t: T): string {
  if (!(error instanceof ApiError)) {
    return t('网络连接失败，请稍后重试', 'The service could not be reached; try again shortly');
  }
  const detail = error.message ? `: ${error.message}` : '';
  switch (error.status) {
    case 400:
      return t('输入有误', 'Invalid input') + (error.field ? ` (${error.field})` : '') + detail;
    case 401:
      return t('登录已失效，请重新登录', 'Your session has ended; sign in again');
    case 403:
      return t('您的角色无权执行此操作', 'Your role may not do this') + detail;
    case 404:
      return t('未找到，或不在您的权限范围内', 'Not found, or not yours to see');
    case 409:
      return t('与当前状态冲突', 'Conflicts with the current state') + detail;
    case 412:
      return t('该问题已被他人更新，请查看最新内容后再操作', 'Someone changed this problem; review it and act again');
    case 413:
      return t('文件过大', 'The file is too large');
    case 429:
      return t('操作过于频繁，请稍后再试', 'Too many requests; wait a moment and try again');
    case 503:
      return t('服务暂时不可用，请稍后重试', 'The service is briefly unavailable; try again shortly');
    default:
      return t('服务出错', 'The service failed') + detail;
  }
}
