import { Button } from 'antd';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
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

const PANEL: CSSProperties = {
  position: 'absolute',
  insetInlineEnd: 0,
  top: 'calc(100% + 6px)',
  minWidth: 180,
  padding: 4,
  background: '#fff',
  borderRadius: 8,
  boxShadow: '0 6px 16px rgba(0, 0, 0, 0.08), 0 3px 6px -4px rgba(0, 0, 0, 0.12), 0 9px 28px 8px rgba(0, 0, 0, 0.05)',
  zIndex: 1050,
  lineHeight: 1.6,
};
const ITEM: CSSProperties = {
  display: 'block',
  width: '100%',
  padding: '6px 12px',
  border: 0,
  borderRadius: 4,
  background: 'none',
  color: 'rgba(0, 0, 0, 0.88)',
  font: 'inherit',
  textAlign: 'start',
  cursor: 'pointer',
};

/**
 * On a narrow screen, the user's name, role, the language switch and sign-out in one menu behind
 * a button named after the user, so the name is never cut to fit the header. A menu of its own
 * (the menu-button pattern: arrows move, Escape closes and returns to the button) rather than
 * antd's Dropdown, whose Menu is weight on an official's phone (docs/web-app.md, page weight).
 */
export function UserMenu() {
  const { user, logout } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('button[role="menuitem"]')?.focus();
    const away = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  if (!user) return null;
  const who = `${user.displayName} · ${t(...ROLE_NAMES[user.role])}`;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(panel.current?.querySelectorAll<HTMLElement>('button[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') setOpen(false);
    else if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
  };
  const choose = (key: 'notifications' | 'lang' | 'logout') => {
    close();
    if (key === 'notifications') void navigate('/me/notifications');
    else if (key === 'lang') setLang(lang === 'zh' ? 'en' : 'zh');
    else logout();
  };

  return (
    <div style={{ position: 'relative' }}>
      <Button
        ref={button}
        shape="circle"
        className="user-name"
        icon={PERSON}
        aria-label={t(`用户菜单：${who}`, `User menu: ${who}`)}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((was) => !was)}
      />
      {open && (
        <div id={id} ref={panel} role="menu" aria-label={who} style={PANEL} onKeyDown={onKeyDown}>
          <div
            role="menuitem"
            aria-disabled="true"
            data-testid="user-menu-name"
            style={{ ...ITEM, cursor: 'default', color: 'rgba(0, 0, 0, 0.65)' }}
          >
            {who}
          </div>
          <div role="separator" style={{ height: 1, margin: '4px 0', background: '#f0f0f0' }} />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="user-menu-item"
            style={ITEM}
            onClick={() => choose('notifications')}
          >
            {t('通知设置', 'Notification settings')}
          </button>
          <button
            aria-label={lang === 'zh' ? 'English 切换为英文界面' : '中文 Switch to Chinese'}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="user-menu-item"
            style={ITEM}
            onClick={() => choose('lang')}
          >
            {lang === 'zh' ? 'English' : '中文'}
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="user-menu-item"
            style={ITEM}
            onClick={() => choose('logout')}
          >
            {t('退出', 'Sign out')}
          </button>
        </div>
      )}
    </div>
  );
}
