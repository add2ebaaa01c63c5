import { Button } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n';

/**
 * Long text cut to a few lines with a "more" button that shows the rest (and "less" to fold it
 * again), so a 200-character problem title does not fill a phone's first screen. The button
 * appears only when the text is in fact cut.
 */
export function ClampedText({ text, lines = 3, testId }: { text: string; lines?: number; testId?: string }) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const [cut, setCut] = useState(false);
  const measure = useCallback(
    (element: HTMLSpanElement | null) => {
      if (element && !expanded) setCut(element.scrollHeight > element.clientHeight + 1);
    },
    // Measured again whenever the text changes or the text is folded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [text, expanded],
  );
  return (
    <>
      <span
        ref={measure}
        data-testid={testId}
        style={
          expanded
            ? { overflowWrap: 'anywhere' }
            : {
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: lines,
                overflow: 'hidden',
                overflowWrap: 'anywhere',
              }
        }
      >
        {text}
      </span>
      {(cut || expanded) && (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0, height: 'auto' }}
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('收起', 'Less') : t('更多', 'More')}
        </Button>
      )}
    </>
  );
}
