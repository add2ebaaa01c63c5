import { Alert, Button, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, apiText } from '../../api';
import type { components } from '../../api/schema';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';

type TrackingLink = components['schemas']['TrackingLinkResponse'];

/**
 * The enterprise's tracking link of a problem as a QR code, for the official to show on the
 * phone or to print on the visit receipt: asked for on a click (the service gives the same link
 * while it is valid) and drawn by the service as SVG, so the app carries no QR encoder.
 */
export function TrackingQr({ problemId, size = 148 }: { problemId: string; size?: number }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const qr = useQuery({
    queryKey: ['tracking-qr', problemId],
    enabled: shown,
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      const link = await api<TrackingLink>(`/problems/${problemId}/tracking-link`, { method: 'POST' });
      const svg = await apiText(`/problems/${problemId}/tracking-link/qr.svg`);
      return { url: link.url, image: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` };
    },
  });
  if (!shown) {
    return (
      <Button size="small" className="no-print" data-testid="tracking-qr-show" onClick={() => setShown(true)}>
        {t('企业跟踪二维码', "Enterprise's tracking QR code")}
      </Button>
    );
  }
  if (qr.error) return <Alert type="error" showIcon title={errorMessage(qr.error, t)} />;
  if (!qr.data) return <Typography.Text type="secondary">{t('正在生成…', 'Making it…')}</Typography.Text>;
  return (
    <Flex gap={12} align="center" wrap data-testid="tracking-qr">
      <img
        src={qr.data.image}
        width={size}
        height={size}
        alt={t('企业跟踪二维码：扫码查看办理进度并评价', 'Tracking QR code: scan to follow the problem and rate it')}
      />
      <Flex vertical style={{ maxWidth: 260 }}>
        <Typography.Text>
          {t('企业扫码即可查看办理进度，办结后可评价。', 'The enterprise scans it to follow the problem and rate it.')}
        </Typography.Text>
        <Typography.Text
          type="secondary"
          copyable={{ text: qr.data.url }}
          style={{ wordBreak: 'break-all', fontSize: 12 }}
        >
          {qr.data.url}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
