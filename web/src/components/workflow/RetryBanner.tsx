import { Alert, Button, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { RetryState } from './retrying';

/** "Retrying": why, which attempt, a countdown; retry now or stop (the draft stays). */
export function RetryBanner({
  state,
  onRetryNow,
  onStop,
}: {
  state: RetryState;
  onRetryNow: () => void;
  onStop: () => void;
}) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const why =
    state.reason === 'network'
      ? t('网络不通或无响应', 'No answer from the network')
      : state.reason === 'busy'
        ? t('服务繁忙', 'The service is busy')
        : t('服务暂时不可用', 'The service is briefly unavailable');
  const next = state.attempts + 1;
  const seconds = state.retryAt === null ? 0 : Math.max(0, Math.ceil((state.retryAt - now) / 1000));
  return (
    <Alert
      data-testid="visit-retrying"
      type="warning"
      showIcon
      title={t('正在重试提交', 'Retrying')}
      description={
        <Flex vertical gap={8}>
          <span>
            {why}
            {t('。', '. ')}
            {seconds > 0
              ? t(`${seconds} 秒后第 ${next} 次提交……`, `Attempt ${next} in ${seconds} s…`)
              : t(`正在第 ${next} 次提交……`, `Sending attempt ${next}…`)}
            {t(
              '草稿已保存在本机，重试不会重复登记。',
              ' The draft is kept on this device; retries never record it twice.',
            )}
          </span>
          <Flex gap={8}>
            <Button size="small" onClick={onRetryNow} disabled={seconds === 0}>
              {t('立即重试', 'Retry now')}
            </Button>
            <Button size="small" onClick={onStop}>
              {t('停止', 'Stop')}
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}
