import { Alert, Button, Drawer, Flex, Select, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { EnterpriseCard } from '../../components/workflow/EnterpriseCard';
import { LIST_PAGE } from '../../components/workflow/layout';
import { ListStatus } from '../../components/workflow/ListStatus';
import { SearchBox } from '../../components/workflow/SearchBox';
import type { Enterprise } from '../../components/workflow/types';
import { useKeysetList } from '../../components/workflow/useKeysetList';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';
import { PageTitle } from '../../components/PageTitle';
import { useReturnFocus } from '../../components/useReturnFocus';

// Registering an enterprise is the exception: its form comes when the drawer first opens.
const EnterpriseForm = lazy(() =>
  import('../../components/workflow/EnterpriseForm').then((m) => ({ default: m.EnterpriseForm })),
);

/** Find an enterprise by name or credit code (or register it) and log a visit to it. */
export function EnterprisesPage() {
  const { t, lang } = useI18n();
  const reference = useReference();
  const [q, setQ] = useState('');
  const [district, setDistrict] = useState<string | undefined>();
  const [registering, setRegistering] = useState(false);
  useReturnFocus(registering);
  const [created, setCreated] = useState<Enterprise | null>(null);
  const list = useKeysetList<Enterprise>('/enterprises', { q: q || undefined, district, limit: 20 });

  return (
    <Flex vertical gap={12} style={LIST_PAGE}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle title={t('企业走访', 'Enterprises')} style={{ fontSize: 20 }} />
        <Button onClick={() => setRegistering(true)} data-testid="enterprise-register">
          {t('登记新企业', 'Register an enterprise')}
        </Button>
      </Flex>
      <Flex wrap gap={8}>
        <SearchBox
          testId="enterprise-search"
          style={{ flex: '1 1 260px' }}
          placeholder={t('企业名称或统一社会信用代码', 'Name or unified social credit code')}
          onSearch={setQ}
        />
        <Select
          style={{ flex: '0 1 200px', minWidth: 160 }}
          allowClear
          placeholder={t('全部县区', 'All districts')}
          aria-label={t('县区', 'District')}
          value={district}
          onChange={setDistrict}
          options={reference.districts.map((d) => ({
            value: d.code,
            label: lang === 'en' && d.nameEn ? d.nameEn : d.name,
          }))}
        />
      </Flex>
      {created && (
        <>
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setCreated(null) }}
            title={t(`已登记：${created.name}`, `Registered: ${created.name}`)}
          />
          <EnterpriseCard enterprise={created} />
        </>
      )}
      {list.items
        .filter((enterprise) => enterprise.id !== created?.id)
        .map((enterprise) => (
          <EnterpriseCard key={enterprise.id} enterprise={enterprise} />
        ))}
      <ListStatus list={list} emptyText={t('未找到企业，可登记新企业', 'No enterprise found; you may register it')} />
      <Drawer
        open={registering}
        onClose={() => setRegistering(false)}
        title={t('登记新企业', 'Register an enterprise')}
        size="min(520px, 100vw)"
        destroyOnHidden
      >
        <Suspense fallback={<Typography.Text type="secondary">{t('正在加载…', 'Loading…')}</Typography.Text>}>
          <EnterpriseForm
            onCreated={(enterprise) => {
              setCreated(enterprise);
              setRegistering(false);
            }}
          />
        </Suspense>
      </Drawer>
    </Flex>
  );
}
