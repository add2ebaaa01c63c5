import { Button, Flex, Form, Input, Select } from 'antd';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';
import { LightCard } from '../light';

/** The problems raised in a visit: any number, each a title, a category and a description. */
export function VisitProblemsField() {
  const { t, lang } = useI18n();
  const reference = useReference();
  const categories = reference.categories.map((c) => ({
    value: c.code,
    label: lang === 'en' && c.nameEn ? c.nameEn : c.name,
  }));
  return (
    <Form.List name="problems">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, index) => (
            <LightCard
              key={field.key}
              title={t(`问题 ${index + 1}`, `Problem ${index + 1}`)}
              extra={
                <Button type="link" danger onClick={() => remove(field.name)} data-testid={`problem-remove-${index}`}>
                  {t('删除', 'Remove')}
                </Button>
              }
            >
              <Form.Item
                name={[field.name, 'title']}
                label={t('问题标题', 'Title')}
                rules={[{ required: true, whitespace: true, message: t('请填写问题标题', 'Enter the title') }]}
              >
                <Input maxLength={200} data-testid={`problem-title-${index}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'category']}
                label={t('问题类别', 'Category')}
                rules={[{ required: true, message: t('请选择问题类别', 'Choose the category') }]}
              >
                <Select
                  data-testid={`problem-category-${index}`}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={categories}
                  placeholder={t('选择或输入查找', 'Choose or type to find')}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'description']} label={t('具体情况（可选）', 'Details (optional)')}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
            </LightCard>
          ))}
          <Button type="dashed" block size="large" onClick={() => add({})} data-testid="add-problem">
            {t('+ 添加企业反映的问题', '+ Add a problem the enterprise raised')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
