import { ApiError } from '../api';
import { errorMessage } from '../errors';
import { reportTimeZone } from '../timeZone';

type T = (zh: string, en: string) => string;

/** `HH:MM` in the report time zone, so many seconds from now. */
function clockIn(seconds: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: reportTimeZone(),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + seconds * 1000));
}

const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * What a refused sign-in tells the user: a wrong password (with a warning before the last attempt),
 * the account locked and until when, a disabled account, an empty username; anything else as every
 * page says it.
 */
export function loginErrorMessage(error: unknown, t: T): string {
  if (!(error instanceof ApiError)) return errorMessage(error, t);
  const body = error.body;
  switch (error.status) {
    case 400:
      if (error.field === 'username') return t('请输入用户名', 'Please enter the username');
      if (error.field === 'password') return t('请输入密码', 'Please enter the password');
      break;
    case 401: {
      const left = count(body.attemptsLeft);
      const lockedFor = count(body.lockedForSeconds);
      if (left === 0 && lockedFor !== undefined) {
        const until = clockIn(lockedFor);
        return t(
          `用户名或密码不正确。失败次数过多，账号在本设备上已锁定至 ${until}`,
          `Wrong username or password. Too many failed attempts: the account is locked on this device until ${until}`,
        );
      }
      if (left === 1) {
        return t(
          '用户名或密码不正确。再错一次，账号将被锁定 15 分钟',
          'Wrong username or password. One more wrong attempt locks the account for 15 minutes',
        );
      }
      return t('用户名或密码不正确', 'Wrong username or password');
    }
    case 403:
      if (error.code === 'ACCOUNT_DISABLED') {
        return t('该账号已停用，请联系管理员', 'This account is disabled; ask an administrator');
      }
      break;
    case 429: {
      const seconds = count(body.retryAfterSeconds) ?? 60;
      if (body.locked === true) {
        const until = clockIn(seconds);
        return t(`账号已锁定，请于 ${until} 后再试`, `The account is locked until ${until}; try again then`);
      }
      return t(`登录请求过多，请 ${seconds} 秒后再试`, `Too many sign-ins at once; try again in ${seconds} seconds`);
    }
  }
  return errorMessage(error, t);
}
