import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { formatRate } from '../charts/rateCharts';
import { groupByLabel } from './groupBy';
import { differenceInWords } from './publishWords';
import type { DrillDownPage, DrillDownScope, PublishedFigure } from './types';

/**
 * 发布 (publish): freezes the figure the drawer shows, at the instant it shows (the exact instant the
 * drill-down resolved, not "now", so that what is published is what was read), after a dialog
 * that repeats every number and the definition. The answer's checksum and a link to the published
 * page follow; a refusal because the same scope was published with other numbers is said in words.
 */
export function PublishButton({ scope, figure }: { scope: DrillDownScope; figure: DrillDownPage }) {
  const { t, lang, formatTime } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The figure published earlier that a 409 names, to link to. */
  const [earlier, setEarlier] = useState<string | null>(null);
  const [done, setDone] = useState<PublishedFigure | null>(null);
  const definition = figure.definition;

  const submit = async ({ note }: { note?: string }) => {
    setBusy(true);
    setError(null);
    setEarlier(null);
    try {
      const published = await api<PublishedFigure>('/reports/published', {
        method: 'POST',
        body: {
          figure: figure.figure,
          period: figure.period.label,
          asOf: figure.asOf,
          groupBy: scope.groupBy,
          group: scope.group,
          note: note?.trim() || undefined,
        },
      });
      setDone(published);
      void client.invalidateQueries({ queryKey: ['published'] });
    } catch (caught) {
      const differs = caught instanceof ApiError && caught.status === 409 && caught.code === 'PUBLISHED_DIFFERS';
      setError(differs ? differenceInWords(caught.body, caught.message, t) : errorMessage(caught, t));
      const id = differs ? caught.body.publishedId : undefined;
      setEarlier(typeof id === 'string' ? id : null);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setDone(null);
    setError(null);
    setEarlier(null);
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="publish">
        {t('发布', 'Publish')}
      </Button>
      {open && (
        <Modal open title={t('发布此数据', 'Publish this figure')} onCancel={close} footer={null} destroyOnHidden>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="publish-summary">
            <Descriptions.Item label={t('指标', 'Figure')}>
              {lang === 'en' ? definition.name : definition.nameZh}
            </Descriptions.Item>
            <Descriptions.Item label={t('分子 / 分母', 'Numerator / denominator')}>
              {figure.numerator} / {figure.total}
            </Descriptions.Item>
            <Descriptions.Item label={t('比率', 'Rate')}>{formatRate(figure.ratePercent)}</Descriptions.Item>
            <Descriptions.Item label={t('口径', 'Definition')}>
              <Typography.Text code>{definition.id}</Typography.Text>{' '}
              {lang === 'en' ? definition.text : definition.textZh}
            </Descriptions.Item>
            <Descriptions.Item label={t('统计期间', 'Period')}>{figure.period.label}</Descriptions.Item>
            <Descriptions.Item label={t('数据时点', 'As of')}>{formatTime(figure.asOf)}</Descriptions.Item>
            <Descriptions.Item label={t('分组', 'Group')}>
              {scope.groupBy
                ? `${groupByLabel(scope.groupBy, t)}: ${scope.title}`
                : t('全部（不分组）', 'All (no group)')}
            </Descriptions.Item>
          </Descriptions>
          {done ? (
            <Alert
              type="success"
              showIcon
              data-testid="publish-done"
              title={t('已发布', 'Published')}
              description={
                <>
                  <div>
                    {t('校验码', 'Checksum')}: <Typography.Text code>{done.checksum}</Typography.Text>
                  </div>
                  <Link to={`/published/${done.id}`}>{t('查看已发布数据', 'Open the published figure')}</Link>
                </>
              }
            />
          ) : (
            <Form layout="vertical" onFinish={submit}>
              {error && (
                <Alert
                  type="error"
                  showIcon
                  title={error}
                  style={{ marginBottom: 16 }}
                  data-testid="publish-error"
                  description={
                    earlier && (
                      <Link to={`/published/${earlier}`}>{t('查看已发布的数据', 'Open the published figure')}</Link>
                    )
                  }
                />
              )}
              <Form.Item name="note" label={t('备注（可选）', 'Note (optional)')}>
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="publish-note" />
              </Form.Item>
              <Flex justify="end" gap={8}>
                <Button onClick={close}>{t('取消', 'Cancel')}</Button>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="publish-confirm">
                  {t('确认发布', 'Publish')}
                </Button>
              </Flex>
            </Form>
          )}
        </Modal>
      )}
    </>
  );
}
