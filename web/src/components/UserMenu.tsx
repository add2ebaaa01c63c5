import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';

export const ROLE_NAMES: Record<string, [string, string]> = {
  admin: ['管理员', 'Admin'],
  manager: ['管理人员', 'Manager'],
  official: ['包联干部', 'Official'],
  handler: ['责任单位', 'Handler'],
};

const PERSON = (
  <svg
    viewBox="0 0 24 24"
    width="18"
    height="18"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
  >
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
  </svg>
);

/**
 * On a narrow screen, the user's name, role, the language switch and sign-out in one menu behind
 * a button named after the user, so the name is never cut to fit the header.
 */
export function UserMenu() {
  const { user, logout } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  if (!user) return null;
  const who = `${user.displayName} · ${t(...ROLE_NAMES[user.role])}`;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: <span data-testid="user-menu-name">{who}</span>, disabled: true },
          { type: 'divider' },
          { key: 'notifications', label: t('通知设置', 'Notification settings') },
          { key: 'lang', label: lang === 'zh' ? 'English' : '中文' },
          { key: 'logout', label: t('退出', 'Sign out') },
        ],
        onClick: ({ key }) => {
          if (key === 'notifications') void navigate('/me/notifications');
          if (key === 'lang') setLang(lang === 'zh' ? 'en' : 'zh');
          if (key === 'logout') logout();
        },
      }}
    >
      <Button
        shape="circle"
        className="user-name"
        icon={PERSON}
        aria-label={t(`用户菜单：${who}`, `User menu: ${who}`)}
      />
    </Dropdown>
  );
}
