import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useReference, type Category, type Coded, type Department } from '../../reference';
import { TierIntervals } from './TierIntervals';
import { PageTitle } from '../../components/PageTitle';
import { useReturnFocus } from '../../components/useReturnFocus';

/** The longest default time limit a category may have (MAX_DUE_WORKING_DAYS of the service). */
const MAX_DUE_WORKING_DAYS = 365;

/**
 * Reference data (admin only): departments (list, add), categories (rename, default time limit),
 * districts (list), tiers (visit intervals). Every change reloads the labels the other pages use.
 */
export function ReferenceDataPage() {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <PageTitle title={t('基础数据', 'Reference data')} />
      <Tabs
        items={[
          { key: 'departments', label: t('责任单位', 'Departments'), children: <Departments /> },
          { key: 'categories', label: t('问题类别', 'Categories'), children: <Categories /> },
          { key: 'districts', label: t('县区', 'Districts'), children: <Districts /> },
          { key: 'tiers', label: t('企业层级与走访周期', 'Tiers and visit intervals'), children: <TierIntervals /> },
        ]}
      />
    </Space>
  );
}

function Departments() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reference = useReference();
  const [form] = Form.useForm<{ name: string; code: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (values: { name: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api('/departments', { method: 'POST', body: values });
      void message.success(t(`已添加 ${values.name}`, `${values.name} added`));
      form.resetFields();
      reference.reload();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('添加责任单位', 'Add a department')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form name="department" form={form} layout="inline" onFinish={create} requiredMark={false}>
          <Form.Item
            name="name"
            label={t('名称', 'Name')}
            rules={[{ required: true, whitespace: true, max: 100, message: t('请填写名称', 'Enter a name') }]}
          >
            <Input placeholder={t('如 市工信局', 'e.g. 市工信局')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('代码', 'Code')}
            rules={[
              {
                required: true,
                pattern: /^[A-Za-z0-9_-]{1,40}$/,
                message: t('1–40 位字母、数字、横线或下划线', '1–40 letters, digits, dashes or underscores'),
              },
            ]}
          >
            <Input placeholder="gxj" style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('添加', 'Add')}
          </Button>
        </Form>
      </Card>
      <Table<Department>
        size="small"
        rowKey="id"
        loading={!reference.loaded}
        dataSource={reference.departments}
        pagination={false}
        columns={[
          { title: t('代码', 'Code'), dataIndex: 'code', width: 160 },
          { title: t('名称', 'Name'), dataIndex: 'name' },
        ]}
      />
    </Space>
  );
}

function Categories() {
  const { t } = useI18n();
  const reference = useReference();
  const [editing, setEditing] = useState<Category | null>(null);
  return (
    <>
      <Table<Category>
        size="small"
        rowKey="code"
        loading={!reference.loaded}
        dataSource={reference.categories}
        pagination={false}
        columns={[
          { title: t('代码', 'Code'), dataIndex: 'code', width: 160 },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('英文名称', 'English name'), dataIndex: 'nameEn', render: (v?: string | null) => v ?? '—' },
          {
            title: t('默认办理时限（工作日）', 'Default time limit (working days)'),
            dataIndex: 'defaultDueWorkingDays',
            align: 'right',
            render: (days: number | null) => days ?? '—',
          },
          {
            title: t('签收时限（工作日）', 'Sign-for limit (working days)'),
            dataIndex: 'signForWorkingDays',
            align: 'right',
            render: (days: number | null) => days ?? '—',
          },
          {
            title: t('操作', 'Actions'),
            width: 100,
            render: (_, category) => (
              <Button type="link" size="small" onClick={() => setEditing(category)}>
                {t('编辑', 'Edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <CategoryDialog category={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface CategoryValues {
  name: string;
  defaultDueWorkingDays: number;
  signForWorkingDays: number;
}

function CategoryDialog({ category, onClose }: { category: Category; onClose: () => void }) {
  useReturnFocus();
  const { t } = useI18n();
  const { message } = App.useApp();
  const reference = useReference();
  const [form] = Form.useForm<CategoryValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (values: CategoryValues) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/categories/${encodeURIComponent(category.code)}`, { method: 'PATCH', body: values });
      void message.success(t('已保存', 'Saved'));
      reference.reload();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`编辑类别 ${category.code}`, `Edit category ${category.code}`)}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        name="category"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          name: category.name,
          defaultDueWorkingDays: category.defaultDueWorkingDays ?? undefined,
          signForWorkingDays: category.signForWorkingDays ?? undefined,
        }}
        onFinish={save}
      >
        <Form.Item
          name="name"
          label={t('名称（中文）', 'Name (Chinese)')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('请填写名称', 'Enter a name') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="defaultDueWorkingDays"
          label={t('默认办理时限（工作日）', 'Default time limit (working days)')}
          extra={t(
            '交办时未指定时限的问题按此计算截止日期，节假日不计入',
            'The deadline of a problem assigned without one; holidays are not counted',
          )}
          rules={[
            {
              required: true,
              message: t(`1–${MAX_DUE_WORKING_DAYS} 的整数`, `A whole number from 1 to ${MAX_DUE_WORKING_DAYS}`),
            },
          ]}
        >
          <InputNumber min={1} max={MAX_DUE_WORKING_DAYS} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="signForWorkingDays"
          label={t('签收时限（工作日）', 'Sign-for limit (working days)')}
          extra={t(
            '交办后责任单位须在此时限内签收，逾期计入及时签收率并预警',
            'The department signs for an assignment within this limit; later counts against the timely sign-for rate and warns',
          )}
          rules={[{ required: true, message: t('1–30 的整数', 'A whole number from 1 to 30') }]}
        >
          <InputNumber
            min={1}
            max={30}
            precision={0}
            style={{ width: 160 }}
            aria-label={t('签收时限', 'Sign-for limit')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Districts() {
  const { t } = useI18n();
  const reference = useReference();
  return (
    <Table<Coded>
      size="small"
      rowKey="code"
      loading={!reference.loaded}
      dataSource={reference.districts}
      pagination={false}
      columns={[
        { title: t('代码', 'Code'), dataIndex: 'code', width: 160 },
        { title: t('名称', 'Name'), dataIndex: 'name' },
        { title: t('英文名称', 'English name'), dataIndex: 'nameEn', render: (v?: string) => v ?? '—' },
      ]}
    />
  );
}
