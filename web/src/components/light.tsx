import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

/*
 * Light stand-ins for two Ant Design components on the official's first way (sign-in, my
 * enterprises, the visit form), which an official on a village phone downloads over a slow network.
 * antd's Card brings its Tabs along (for a card with tabs) and its Result the illustrations of the
 * 403, 404 and 500 pages: about 25 kB compressed that these pages never show (docs/web-app.md, page
 * weight). They look the same; other pages keep antd's.
 */

const CARD: CSSProperties = {
  background: '#fff',
  border: '1px solid #f0f0f0',
  borderRadius: 8,
  color: 'rgba(0, 0, 0, 0.88)',
};
const CARD_HEAD: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 8,
  minHeight: 38,
  padding: '0 12px',
  borderBottom: '1px solid #f0f0f0',
  fontWeight: 600,
};

interface LightCardProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  /** What sits at the right of the title (a button). */
  extra?: ReactNode;
  /** Lifts the card on hover, as a card that opens something. */
  hoverable?: boolean;
  [data: `data-${string}`]: unknown;
}

/** A bordered box with an optional title bar, like antd's small Card. */
export function LightCard({ title, extra, hoverable, style, className, children, ...rest }: LightCardProps) {
  const classes = ['light-card', hoverable ? 'light-card-hoverable' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div {...rest} className={classes} style={{ ...CARD, ...style }}>
      {(title || extra) && (
        <div style={CARD_HEAD}>
          <div style={{ minWidth: 0 }}>{title}</div>
          {extra}
        </div>
      )}
      <div style={{ padding: 12 }}>{children}</div>
    </div>
  );
}

const ICON_PATHS = {
  success: { color: '#52c41a', path: 'M7 12.5l3.2 3.2L17 9' },
  info: { color: '#1677ff', path: 'M12 11v6M12 7.2v.3' },
} as const;

interface LightResultProps {
  status: keyof typeof ICON_PATHS;
  title: ReactNode;
  subTitle?: ReactNode;
  /** The buttons under the title. */
  extra?: ReactNode;
  children?: ReactNode;
  'data-testid'?: string;
}

/** An outcome shown in place of a page: a big icon, a title, a line under it and what to do next. */
export function LightResult({ status, title, subTitle, extra, children, ...rest }: LightResultProps) {
  const icon = ICON_PATHS[status];
  return (
    <div {...rest} className="light-result" style={{ padding: '32px 16px', textAlign: 'center' }}>
      <svg viewBox="0 0 24 24" width="64" height="64" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="11" fill={icon.color} />
        <path d={icon.path} fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <div style={{ marginTop: 16, fontSize: 24, lineHeight: 1.35, color: 'rgba(0, 0, 0, 0.88)' }}>{title}</div>
      {subTitle && <div style={{ marginTop: 4, fontSize: 14, color: 'rgba(0, 0, 0, 0.65)' }}>{subTitle}</div>}
      {extra && <div style={{ marginTop: 24 }}>{extra}</div>}
      {children && (
        <div style={{ marginTop: 24, padding: '24px 32px', background: '#fafafa', textAlign: 'start' }}>{children}</div>
      )}
    </div>
  );
}
