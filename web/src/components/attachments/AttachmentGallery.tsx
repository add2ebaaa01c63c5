import { Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { type Attachment, openInNewTab, useBlobUrl } from './attachmentsApi';

const TILE = { width: 96, height: 96, objectFit: 'cover', borderRadius: 6, display: 'block' } as const;

/**
 * Attachments as small tiles: a photo opens in a viewer over the page, a PDF in a new tab. The
 * files are fetched with the token (links cannot carry it), so nothing is reachable without it.
 */
export function AttachmentGallery({ items, testId = 'attachments' }: { items: Attachment[]; testId?: string }) {
  const { t } = useI18n();
  const [viewing, setViewing] = useState<Attachment | null>(null);
  if (items.length === 0) return null;
  return (
    <>
      <Flex wrap gap={8} data-testid={testId}>
        {items.map((item) => (
          <Tile
            key={item.id}
            item={item}
            onOpen={() => (item.kind === 'pdf' ? void openInNewTab(item.url) : setViewing(item))}
          />
        ))}
      </Flex>
      {viewing && (
        <Modal
          open
          footer={null}
          width="min(96vw, 1000px)"
          title={viewing.originalName}
          onCancel={() => setViewing(null)}
          destroyOnHidden
        >
          <Viewer item={viewing} />
          <Typography.Text type="secondary">
            {viewing.createdByName} · {viewing.width}×{viewing.height}
          </Typography.Text>
          <div>
            <Button type="link" onClick={() => void openInNewTab(viewing.url)}>
              {t('在新标签页打开', 'Open in a new tab')}
            </Button>
          </div>
        </Modal>
      )}
    </>
  );
}

function Tile({ item, onOpen }: { item: Attachment; onOpen: () => void }) {
  const { t } = useI18n();
  const thumbnail = useBlobUrl(item.thumbnailUrl);
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="attachment"
      data-kind={item.kind}
      aria-label={t(`查看附件 ${item.originalName}`, `Open attachment ${item.originalName}`)}
      style={{ padding: 0, border: '1px solid #d9d9d9', borderRadius: 8, background: '#fff', cursor: 'pointer' }}
    >
      {item.kind === 'image' ? (
        thumbnail ? (
          <img src={thumbnail} alt={item.originalName} style={TILE} />
        ) : (
          <div style={{ ...TILE, background: '#f5f5f5' }} />
        )
      ) : (
        <Flex vertical align="center" justify="center" style={{ ...TILE, background: '#fafafa', padding: 4 }}>
          <strong>PDF</strong>
          <Typography.Text ellipsis style={{ width: 86, fontSize: 12 }}>
            {item.originalName}
          </Typography.Text>
        </Flex>
      )}
    </button>
  );
}

function Viewer({ item }: { item: Attachment }) {
  const url = useBlobUrl(item.url);
  return url ? (
    <img
      src={url}
      alt={item.originalName}
      style={{ maxWidth: '100%', maxHeight: '75vh', display: 'block', margin: '0 auto' }}
    />
  ) : (
    <div style={{ height: 200 }} />
  );
}
