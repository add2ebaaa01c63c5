import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth';
import { loginErrorMessage } from '../components/loginErrors';
import { useI18n } from '../i18n';
import { useDocumentTitle } from '../components/documentTitle';

const SIGN_IN_BOX = {
  width: 380,
  maxWidth: '100%',
  padding: 24,
  background: '#fff',
  border: '1px solid #f0f0f0',
  borderRadius: 8,
  boxSizing: 'border-box',
} as const;
const SIGN_IN_TITLE = { margin: '0 0 16px', fontSize: 20, fontWeight: 600, color: 'rgba(0, 0, 0, 0.88)' } as const;

export function LoginPage() {
  const { login } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('登录', 'Sign in'));
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username, values.password);
    } catch (caught) {
      setError(loginErrorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
      {/* A plain box and heading, not antd's Card and Typography: the sign-in page is in the first
          script, and those two would bring tabs and tooltips along (docs/web-app.md, page weight). */}
      <div style={SIGN_IN_BOX}>
        <h1 style={SIGN_IN_TITLE}>{t('包联走访问题办理', 'Business outreach: problem resolution')}</h1>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon data-testid="login-error" />}
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
        <Button
          type="link"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          style={{ paddingInline: 0 }}
          aria-label={lang === 'zh' ? 'English 切换为英文界面' : '中文 Switch to Chinese'}
        >
          {lang === 'zh' ? 'English' : '中文'}
        </Button>
      </div>
    </main>
  );
}
