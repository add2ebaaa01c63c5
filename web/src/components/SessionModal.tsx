import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { loginErrorMessage } from './loginErrors';

/**
 * Shown over the page when the session ends mid-way (a 401): the same user signs in again and the
 * page carries on, the requests that failed being sent again; or signs out. Nothing on the page is
 * lost meanwhile, and a visit being written stays in this browser's draft either way.
 */
export function SessionModal() {
  const { user, renew, logout } = useAuth();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await renew(password);
    } catch (caught) {
      setError(loginErrorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('登录已失效，请重新登录', 'Your session has ended: sign in again')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph data-testid="session-kept">
        {t(
          '您仍停留在当前页面：重新登录后将继续刚才的操作。正在填写的走访记录草稿已保存在本设备上，不会丢失。',
          'You are still on this page: once you sign in again, what you were doing carries on. A visit you are writing is kept as a draft on this device and is not lost.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('用户名', 'Username')}>
          <Input value={user?.username} disabled autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('密码', 'Password')}
          rules={[{ required: true, message: t('请输入密码', 'Please enter the password') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('登录并继续', 'Sign in and continue')}
        </Button>
        <Button type="link" block onClick={logout} style={{ marginTop: 8 }}>
          {t('退出登录', 'Sign out')}
        </Button>
      </Form>
    </Modal>
  );
}
