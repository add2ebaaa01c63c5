import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { errorMessage } from '../errors';
import { PageTitle } from '../components/PageTitle';

export function LoginPage() {
  const { login } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username, values.password);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401
          ? t('用户名或密码不正确', 'Wrong username or password')
          : errorMessage(caught, t),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <PageTitle title={t('登录', 'Sign in')} style={{ fontSize: 20, marginBottom: 16 }}>
          {t('包联走访问题办理', 'Business outreach: problem resolution')}
        </PageTitle>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('用户名', 'Username')}
            rules={[{ required: true, whitespace: true, message: t('请输入用户名', 'Enter the username') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('密码', 'Password')}
            rules={[{ required: true, message: t('请输入密码', 'Enter the password') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('登录', 'Sign in')}
          </Button>
        </Form>
        <Button type="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} style={{ paddingInline: 0 }}>
          {lang === 'zh' ? 'English' : '中文'}
        </Button>
      </Card>
    </main>
  );
}
