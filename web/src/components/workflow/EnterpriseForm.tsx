import { Alert, Button, Checkbox, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';
import { showFieldErrors } from './fieldErrors';
import { INDUSTRY_LABELS } from './labels';
import type { Enterprise } from './types';

interface Values {
  name: string;
  district: string;
  uscc?: string;
  industry?: string;
  isAboveScale?: boolean;
  isKey?: boolean;
  address?: string;
  contactName?: string;
  contactPhone?: string;
}

const FIELDS = [
  'name',
  'district',
  'uscc',
  'industry',
  'isAboveScale',
  'isKey',
  'address',
  'contactName',
  'contactPhone',
];

/** The unified social credit code's shape (GB 32100-2015); the service also checks its check character. */
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Registers an enterprise; the service's refusals (bad or duplicate credit code …) land on their fields. */
export function EnterpriseForm({ onCreated }: { onCreated: (enterprise: Enterprise) => void }) {
  const { t, lang } = useI18n();
  const reference = useReference();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const body = Object.fromEntries(
      Object.entries(values).filter(([, value]) => value !== undefined && value !== ''),
    ) as Partial<Values>;
    if (body.uscc) body.uscc = body.uscc.trim().toUpperCase();
    try {
      onCreated(await api<Enterprise>('/enterprises', { method: 'POST', body }));
      form.resetFields();
    } catch (caught) {
      const duplicate = caught instanceof ApiError && caught.status === 409;
      const placed = showFieldErrors(form, caught, FIELDS, t, {
        uscc: duplicate
          ? t(
              '该统一社会信用代码已登记，请先查找该企业',
              'An enterprise with this credit code is registered; find it instead',
            )
          : t('统一社会信用代码校验未通过，请核对', 'This credit code does not pass the check; verify it'),
      });
      if (!placed) setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ isAboveScale: false, isKey: false }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="name"
        label={t('企业名称', 'Name')}
        rules={[{ required: true, whitespace: true, message: t('请填写企业名称', 'Enter the name') }]}
      >
        <Input maxLength={200} data-testid="enterprise-name" />
      </Form.Item>
      <Form.Item
        name="district"
        label={t('所属县区', 'District')}
        rules={[{ required: true, message: t('请选择县区', 'Choose the district') }]}
      >
        <Select
          data-testid="enterprise-district"
          showSearch={{ optionFilterProp: 'label' }}
          options={reference.districts.map((d) => ({
            value: d.code,
            label: lang === 'en' && d.nameEn ? d.nameEn : d.name,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="uscc"
        label={t('统一社会信用代码（可选）', 'Unified social credit code (optional)')}
        normalize={(value: string) => value.toUpperCase()}
        rules={[{ pattern: USCC, message: t('应为18位代码', 'Must be the 18-character code') }]}
      >
        <Input maxLength={18} data-testid="enterprise-uscc" />
      </Form.Item>
      <Form.Item name="industry" label={t('行业（可选）', 'Industry (optional)')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={Object.entries(INDUSTRY_LABELS).map(([value, pair]) => ({ value, label: t(...pair) }))}
        />
      </Form.Item>
      <Flex gap={24}>
        <Form.Item name="isAboveScale" valuePropName="checked">
          <Checkbox>{t('规上企业', 'Above designated scale')}</Checkbox>
        </Form.Item>
        <Form.Item name="isKey" valuePropName="checked">
          <Checkbox>{t('重点企业', 'Key enterprise')}</Checkbox>
        </Form.Item>
      </Flex>
      <Form.Item name="address" label={t('地址（可选）', 'Address (optional)')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="contactName" label={t('联系人（可选）', 'Contact person (optional)')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('联系电话（可选）', 'Contact phone (optional)')}
        rules={[
          {
            pattern: /^[0-9+()\- ]{5,30}$/,
            message: t('5–30位数字，可含空格、+、-、括号', '5 to 30 digits, spaces, +, -, ( or )'),
          },
        ]}
      >
        <Input type="tel" maxLength={30} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="enterprise-submit">
        {t('登记', 'Register')}
      </Button>
    </Form>
  );
}
