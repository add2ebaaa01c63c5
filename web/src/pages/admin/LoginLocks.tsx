import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { usePagination } from '../../components/usePagination';

interface LoginLock {
  id: string;
  username: string;
  address: string;
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
  knownAddress: boolean;
}

/** Failed sign-ins per username and address (admin only), with a button that lifts a lock. */
export function LoginLocks() {
  const { t } = useI18n();
  const pagination = usePagination({ pageSize: 20, hideOnSinglePage: true });
  const { message } = App.useApp();
  const locks = useQuery({
    queryKey: ['auth-locks'],
    queryFn: ({ signal }) => api<LoginLock[]>('/auth/locks', { signal }),
  });

  const lift = async (lock: LoginLock) => {
    try {
      await api(`/auth/locks/${lock.id}`, { method: 'DELETE' });
      void message.success(t('已解除', 'Lifted'));
      void locks.refetch();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">
          {t(
            '15 分钟内登录失败的用户名与地址；解除后该地址可立即重试。',
            'Failed sign-ins of the last 15 minutes per username and address; lifting lets the address try again at once.',
          )}
        </Typography.Text>
        <Button size="small" onClick={() => void locks.refetch()}>
          {t('刷新', 'Refresh')}
        </Button>
      </Space>
      {!!locks.error && <Alert type="error" showIcon title={errorMessage(locks.error, t)} />}
      <Table<LoginLock>
        size="small"
        rowKey="id"
        loading={locks.isFetching}
        dataSource={locks.data}
        pagination={pagination}
        locale={{ emptyText: t('没有失败的登录', 'No failed sign-ins') }}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username' },
          {
            title: t('地址', 'Address'),
            dataIndex: 'address',
            render: (address: string, lock) => (
              <Space size={4}>
                {address}
                {lock.knownAddress && <Tag>{t('常用', 'Known')}</Tag>}
              </Space>
            ),
          },
          { title: t('失败次数', 'Failures'), dataIndex: 'failures' },
          {
            title: t('锁定至', 'Locked until'),
            dataIndex: 'lockedUntil',
            render: (until: string | null) => (until ? <Tag color="red">{new Date(until).toLocaleString()}</Tag> : '—'),
          },
          {
            title: t('操作', 'Actions'),
            render: (_, lock) => (
              <Button type="link" size="small" onClick={() => void lift(lock)}>
                {t('解除', 'Lift')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
