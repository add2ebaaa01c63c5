import { useState, type CSSProperties } from 'react';
import { useI18n } from '../i18n';

/** The id of every signed-in page's main region, where the skip link goes. */
export const MAIN_ID = 'main-content';

/** Read by screen readers, not shown: for names that say in full what the screen shows in short. */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
const SHOWN: CSSProperties = {
  position: 'absolute',
  insetInlineStart: 8,
  top: 8,
  zIndex: 1100,
  padding: '8px 12px',
  background: '#fff',
  color: '#1f1f1f',
  border: '2px solid #c0392b',
  borderRadius: 4,
};

/**
 * The first stop of the Tab key on every signed-in page: hidden until focused, it moves the focus
 * past the header and its menu to the page's main region.
 */
export function SkipLink() {
  const { t } = useI18n();
  const [focused, setFocused] = useState(false);
  return (
    <a
      href={`#${MAIN_ID}`}
      style={focused ? SHOWN : VISUALLY_HIDDEN}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      {t('跳到主要内容', 'Skip to main content')}
    </a>
  );
}
