import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, download } from '../../api';
import { useAuth } from '../../auth';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';
import { ProjectFormDialog } from './ProjectFormDialog';
import { formatYuan, KINDS, type ProjectItem, STAGE_COLORS, stageLabel, STAGES } from './projectLabels';

const SORTS: [string, string, string][] = [
  ['code', '按编号', 'By code'],
  ['name', '按名称', 'By name'],
  ['plannedStartDate', '计划开工早的在前', 'Planned start, earliest first'],
  ['-plannedStartDate', '计划开工晚的在前', 'Planned start, latest first'],
  ['-investmentToDate', '完成投资多的在前', 'Investment, largest first'],
];

const FILTERS = [
  'planYear',
  'district',
  'industry',
  'departmentId',
  'stage',
  'kind',
  'q',
  'overdueProblems',
  'pastPlannedStart',
  'sort',
];

/**
 * The key project ledger (重点项目台账): managers see every project, a department and an official
 * their own scope (the service decides). Filters live in the URL; pages are walked forward.
 */
export function ProjectLedgerPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const reference = useReference();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? undefined]));
  const search = params.toString();
  const [walk, setWalk] = useState<{ key: string; cursors: string[] }>({ key: search, cursors: [] });
  const cursors = walk.key === search ? walk.cursors : [];
  const cursor = cursors[cursors.length - 1];

  const page = useQuery({
    queryKey: ['projects', 'list', search, cursor],
    queryFn: ({ signal }) =>
      api<{ items: ProjectItem[]; nextCursor: string | null }>('/projects', {
        query: { ...filters, limit: 50, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next);
  };

  const exportAs = async (format: 'xlsx' | 'csv') => {
    try {
      await download('/projects/export', { ...filters, format }, `projects.${format}`);
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  const year = new Date().getFullYear();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('重点项目', 'Key projects')}
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => void exportAs('xlsx')}>{t('导出 Excel', 'Export Excel')}</Button>
          <Button onClick={() => void exportAs('csv')}>{t('导出 CSV', 'Export CSV')}</Button>
          {can('manager', 'admin') && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('新增项目', 'Add a project')}
            </Button>
          )}
          {can('manager', 'admin') && (
            <Link to="/projects/import">
              <Button>{t('批量导入', 'Import')}</Button>
            </Link>
          )}
        </Space>
      </Space>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label={t('计划年度', 'Plan year')}
            placeholder={t('计划年度', 'Plan year')}
            allowClear
            style={{ width: 120 }}
            value={filters.planYear}
            onChange={(v) => set('planYear', v)}
            options={[year + 1, year, year - 1, year - 2].map((y) => ({ value: String(y), label: String(y) }))}
          />
          <Select
            aria-label={t('县区', 'District')}
            placeholder={t('县区', 'District')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 140 }}
            value={filters.district}
            onChange={(v) => set('district', v)}
            options={reference.districts.map((d) => ({
              value: d.code,
              label: lang === 'en' && d.nameEn ? d.nameEn : d.name,
            }))}
          />
          <Select
            aria-label={t('责任单位', 'Department')}
            placeholder={t('责任单位', 'Department')}
            allowClear
            style={{ width: 160 }}
            value={filters.departmentId}
            onChange={(v) => set('departmentId', v)}
            options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <Select
            aria-label={t('阶段', 'Stage')}
            placeholder={t('阶段', 'Stage')}
            allowClear
            style={{ width: 120 }}
            value={filters.stage}
            onChange={(v) => set('stage', v)}
            options={STAGES.map(([code, zh, en]) => ({ value: code, label: t(zh, en) }))}
          />
          <Select
            aria-label={t('建设性质', 'Kind')}
            placeholder={t('建设性质', 'Kind')}
            allowClear
            style={{ width: 110 }}
            value={filters.kind}
            onChange={(v) => set('kind', v)}
            options={KINDS.map(([code, zh, en]) => ({ value: code, label: t(zh, en) }))}
          />
          <Input.Search
            aria-label={t('项目名称或编号', 'Name or code')}
            placeholder={t('项目名称或编号', 'Name or code')}
            allowClear
            defaultValue={filters.q}
            onSearch={(v) => set('q', v)}
            style={{ width: 200 }}
          />
          <Space>
            <Switch
              aria-label={t('有逾期问题', 'Held up by overdue problems')}
              checked={filters.overdueProblems === 'true'}
              onChange={(on) => set('overdueProblems', on ? 'true' : undefined)}
            />
            {t('有逾期问题', 'Held up')}
          </Space>
          <Space>
            <Switch
              aria-label={t('逾期未开工', 'Past planned start')}
              checked={filters.pastPlannedStart === 'true'}
              onChange={(on) => set('pastPlannedStart', on ? 'true' : undefined)}
            />
            {t('逾期未开工', 'Past planned start')}
          </Space>
          <Select
            aria-label={t('排序', 'Sort')}
            style={{ width: 200 }}
            value={filters.sort ?? 'code'}
            onChange={(v) => set('sort', v === 'code' ? undefined : v)}
            options={SORTS.map(([code, zh, en]) => ({ value: code, label: t(zh, en) }))}
          />
        </Space>
      </Card>
      {page.error && <Alert type="error" showIcon message={errorMessage(page.error, t)} />}
      <Table<ProjectItem>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        aria-label={t('项目台账', 'Project ledger')}
        columns={[
          { title: t('编号', 'Code'), dataIndex: 'code', width: 120 },
          {
            title: t('项目名称', 'Name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <Space size={4} wrap>
                <Link to={`/projects/${p.id}`}>{name}</Link>
                {p.heldUp && <Tag color="red">{t('问题逾期', 'Held up')}</Tag>}
                {p.pastPlannedStart && <Tag color="orange">{t('逾期未开工', 'Past planned start')}</Tag>}
              </Space>
            ),
          },
          { title: t('县区', 'District'), dataIndex: 'districtName', width: 100 },
          {
            title: t('责任单位', 'Department'),
            dataIndex: 'departmentName',
            width: 140,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('阶段', 'Stage'),
            dataIndex: 'stage',
            width: 90,
            render: (stage: ProjectItem['stage']) => <Tag color={STAGE_COLORS[stage]}>{stageLabel(t, stage)}</Tag>,
          },
          {
            title: t('计划开工', 'Planned start'),
            dataIndex: 'plannedStartDate',
            width: 120,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('累计完成投资', 'Investment to date'),
            dataIndex: 'investmentToDateYuan',
            width: 140,
            align: 'right',
            render: (v: number) => formatYuan(v, lang),
          },
          {
            title: t('问题（逾期）', 'Problems (overdue)'),
            width: 110,
            render: (_, p) => `${p.openProblems}（${p.overdueProblems}）`,
          },
        ]}
      />
      {adding && (
        <ProjectFormDialog onClose={() => setAdding(false)} onSaved={(saved) => navigate(`/projects/${saved.id}`)} />
      )}
      <Space>
        <Button disabled={cursors.length === 0} onClick={() => setWalk({ key: search, cursors: cursors.slice(0, -1) })}>
          {t('上一页', 'Previous')}
        </Button>
        <Button
          disabled={!page.data?.nextCursor}
          onClick={() => setWalk({ key: search, cursors: [...cursors, page.data!.nextCursor!] })}
        >
          {t('下一页', 'Next')}
        </Button>
      </Space>
    </Space>
  );
}
