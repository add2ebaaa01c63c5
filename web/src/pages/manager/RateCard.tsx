import { Card, Progress, Tooltip, Typography } from 'antd';
import { formatRate } from '../../components/charts';

interface Props {
  title: string;
  /** How the figure is defined, shown on hover. */
  definition: string;
  ratePercent: number | null;
  numerator: number;
  denominator: number;
  /** What the two numbers count, e.g. `办结 / 登记`. */
  parts: string;
  color: string;
  testId?: string;
  loading?: boolean;
}

/** A rate as the coordination meeting reads it: the percentage, and the two counts it comes from. */
export function RateCard({
  title,
  definition,
  ratePercent,
  numerator,
  denominator,
  parts,
  color,
  testId,
  loading,
}: Props) {
  return (
    <Card size="small" loading={loading} style={{ height: '100%', borderTop: `3px solid ${color}` }}>
      <Tooltip title={definition}>
        <Typography.Text type="secondary" style={{ cursor: 'help', borderBottom: '1px dotted #bbb' }}>
          {title}
        </Typography.Text>
      </Tooltip>
      <div data-testid={testId}>
        <div style={{ fontSize: 32, fontWeight: 600, lineHeight: 1.3, color }}>{formatRate(ratePercent)}</div>
        <Typography.Text>
          <span style={{ fontSize: 16, fontWeight: 500 }}>
            {numerator} / {denominator}
          </span>{' '}
          <Typography.Text type="secondary">({parts})</Typography.Text>
        </Typography.Text>
      </div>
      <Progress percent={ratePercent ?? 0} showInfo={false} strokeColor={color} size="small" aria-label={title} />
    </Card>
  );
}
