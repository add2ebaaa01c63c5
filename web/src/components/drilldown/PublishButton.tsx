import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { formatRate } from '../charts/rateCharts';
import { groupByLabel } from './groupBy';
import type { DrillDownPage, DrillDownScope, PublishedFigure } from './types';

type T = (zh: string, en: string) => string;

/** Reads a number out of an error body's object, if it is there. */
function numberAt(value: unknown, key: string): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'number' ? found : undefined;
}

/**
 * A 409 PUBLISHED_DIFFERS in words: the figure published earlier for the same scope and the one
 * computed now differ. The body names the difference; whatever of it is there is said, and the
 * service's own message when nothing is.
 */
export function differenceInWords(error: ApiError, t: T): string {
  const body = error.body;
  const difference = body.difference;
  const numerator = numberAt(difference, 'numerator');
  const denominator = numberAt(difference, 'denominator');
  const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
  const zh: string[] = [];
  const en: string[] = [];
  if (numerator !== undefined) {
    zh.push(`分子相差 ${sign(numerator)}`);
    en.push(`the numerator by ${sign(numerator)}`);
  }
  if (denominator !== undefined) {
    zh.push(`分母相差 ${sign(denominator)}`);
    en.push(`the denominator by ${sign(denominator)}`);
  }
  const detail = zh.length
    ? t(`：${zh.join('，')}`, `: it differs in ${en.join(' and ')}`)
    : error.message
      ? t(`：${error.message}`, `: ${error.message}`)
      : '';
  return t(
    `此指标的同一期间、时点与分组已发布过不同的数字，本次未发布${detail}。`,
    `Different numbers were already published for this figure, period, instant and group, so nothing was published${detail}.`,
  );
}

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
  const [done, setDone] = useState<PublishedFigure | null>(null);
  const definition = figure.definition;

  const submit = async ({ note }: { note?: string }) => {
    setBusy(true);
    setError(null);
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
      setError(
        caught instanceof ApiError && caught.status === 409 && caught.code === 'PUBLISHED_DIFFERS'
          ? differenceInWords(caught, t)
          : errorMessage(caught, t),
      );
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setDone(null);
    setError(null);
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
                <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="publish-error" />
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
