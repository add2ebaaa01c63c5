import { Button, Col, Empty, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { coverageChart, EChart, formatRate } from '../../components/charts';
import { useI18n } from '../../i18n';

/** One district's visit coverage: enterprises visited of those under responsibility. */
export interface CoverageRow {
  key: string | null;
  name: string;
  enterprisesVisited: number;
  enterprisesResponsible: number;
  coverageRatePercent: number | null;
}

interface Props {
  rows: CoverageRow[];
  /** The total row under the districts. */
  total: Omit<CoverageRow, 'key' | 'name'>;
  testId: string;
  /** Opens a district's items (the coverage drill-down of that group); its name becomes a button. */
  onPick?: (row: CoverageRow) => void;
}

/**
 * Visit coverage (走访覆盖率) by district: a table with each district's n / N and rate, and the
 * same as bars. The table is what a screen reader and the printed page read.
 */
export function CoverageByDistrict({ rows, total, testId, onPick }: Props) {
  const { t } = useI18n();
  const seriesName = t('走访覆盖率', 'Visit coverage');
  const key = JSON.stringify([rows, seriesName]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for rows and seriesName
  const chart = useMemo(() => coverageChart(rows, seriesName), [key]);
  if (!rows.some((row) => row.enterprisesResponsible > 0)) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('本期没有包联企业', 'No enterprise under responsibility in this period')}
      />
    );
  }
  const totalRow: CoverageRow = { key: '__total', name: t('合计', 'Total'), ...total };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12} data-testid={testId}>
        <Table<CoverageRow>
          size="small"
          rowKey={(row) => row.key ?? ''}
          dataSource={[...rows, totalRow]}
          pagination={false}
          columns={[
            {
              title: t('县区', 'District'),
              dataIndex: 'name',
              render: (name: string, row) =>
                row === totalRow ? (
                  <Typography.Text strong>{name}</Typography.Text>
                ) : onPick ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onPick(row)}
                    aria-label={t(`${name}：查看明细`, `${name}: show the items`)}
                  >
                    {name}
                  </Button>
                ) : (
                  name
                ),
            },
            {
              title: t('已走访 / 包联企业', 'Visited / under responsibility'),
              align: 'right',
              render: (_, row) => `${row.enterprisesVisited} / ${row.enterprisesResponsible}`,
            },
            {
              title: t('覆盖率', 'Coverage'),
              dataIndex: 'coverageRatePercent',
              align: 'right',
              render: formatRate,
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <EChart
          option={chart.option}
          height={chart.height}
          testId={`${testId}-chart`}
          ariaLabel={t('各县区走访覆盖率', 'Visit coverage by district')}
        />
      </Col>
    </Row>
  );
}
