import { Card, Progress, Tooltip, Typography } from 'antd';
import { formatRate } from '../../components/charts';
import { useId, type CSSProperties } from 'react';
import { useI18n } from '../../i18n';

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
  /** The definition's id (口径), e.g. `resolution-rate/v1`, shown small under the numbers. */
  definitionId?: string;
  /** Opens the figure's items (its drill-down); the numbers become a button when given. */
  onOpen?: () => void;
}

/** Read by a screen reader, not drawn: words that complete a button's name. */
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

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
  definitionId,
  onOpen,
}: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const contentId = useId();
  // Spans shown as blocks: the numbers sit inside a button, which may hold phrasing content only.
  const numbers = (
    <span data-testid={testId} style={{ display: 'block' }}>
      <span style={{ display: 'block', fontSize: 32, fontWeight: 600, lineHeight: 1.3, color }}>
        {formatRate(ratePercent)}
      </span>
      <Typography.Text>
        <span style={{ fontSize: 16, fontWeight: 500 }}>
          {numerator} / {denominator}
        </span>{' '}
        <Typography.Text type="secondary">({parts})</Typography.Text>
      </Typography.Text>
    </span>
  );
  return (
    <Card size="small" loading={loading} style={{ height: '100%', borderTop: `3px solid ${color}` }}>
      <Tooltip title={definition}>
        <Typography.Text id={titleId} type="secondary" style={{ cursor: 'help', borderBottom: '1px dotted #bbb' }}>
          {title}
        </Typography.Text>
      </Tooltip>
      {onOpen ? (
        // A plain button around the numbers: a click or Enter opens the items behind them.
        <button
          type="button"
          className="rate-card-open"
          onClick={onOpen}
          // Named by the card's title and what the button shows, so the name holds the visible text.
          aria-labelledby={`${titleId} ${contentId}`}
          style={{
            display: 'block',
            position: 'relative',
            width: '100%',
            padding: 0,
            border: 'none',
            background: 'none',
            textAlign: 'left',
            cursor: 'pointer',
            font: 'inherit',
          }}
        >
          <span id={contentId}>
            {numbers}
            <span style={VISUALLY_HIDDEN}> {t('查看明细', 'show the items')}</span>
          </span>
        </button>
      ) : (
        numbers
      )}
      <Progress percent={ratePercent ?? 0} showInfo={false} strokeColor={color} size="small" aria-label={title} />
      {definitionId && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={testId && `definition-${testId}`}>
          {t('口径', 'Definition')} {definitionId}
        </Typography.Text>
      )}
    </Card>
  );
}
