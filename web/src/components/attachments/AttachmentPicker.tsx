import { Alert, Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { ACCEPT, MAX_BYTES, MAX_FILES, newFileId, type PendingFile, useLocalUrl } from './attachmentsApi';

const TILE = { width: 88, height: 88, objectFit: 'cover', borderRadius: 6, display: 'block' } as const;

/**
 * Photos and PDFs chosen before sending: the camera on a phone (`capture="environment"`), or
 * files from the album or the disk; each shown small with a button that takes it off again.
 */
export function AttachmentPicker({
  files,
  onChange,
  disabled,
  testId = 'attachment-picker',
}: {
  files: PendingFile[];
  onChange: (files: PendingFile[]) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const camera = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const add = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    const tooBig = chosen.filter((file) => file.size > MAX_BYTES);
    const room = MAX_FILES - files.length;
    const taken = chosen.filter((file) => file.size <= MAX_BYTES).slice(0, Math.max(room, 0));
    setRefused(
      tooBig.length
        ? t(
            `${tooBig.map((f) => f.name).join('、')} 超过 10 MB，未添加`,
            `${tooBig.map((f) => f.name).join(', ')}: over 10 MB, not added`,
          )
        : taken.length < chosen.length
          ? t(`最多 ${MAX_FILES} 个附件`, `At most ${MAX_FILES} attachments`)
          : null,
    );
    if (taken.length) {
      onChange([...files, ...taken.map((file) => ({ id: newFileId(), name: file.name, type: file.type, blob: file }))]);
    }
    if (camera.current) camera.current.value = '';
    if (chooser.current) chooser.current.value = '';
  };

  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Flex wrap gap={8}>
        <Button disabled={disabled} onClick={() => camera.current?.click()}>
          {t('拍照', 'Take a photo')}
        </Button>
        <Button disabled={disabled} onClick={() => chooser.current?.click()}>
          {t('选择照片或 PDF', 'Choose photos or PDFs')}
        </Button>
        <input
          ref={camera}
          type="file"
          accept="image/*"
          capture="environment"
          style={{ display: 'none' }}
          aria-label={t('拍照', 'Take a photo')}
          data-testid={`${testId}-camera`}
          onChange={(event) => add(event.target.files)}
        />
        <input
          ref={chooser}
          type="file"
          accept={ACCEPT}
          multiple
          style={{ display: 'none' }}
          aria-label={t('选择照片或 PDF', 'Choose photos or PDFs')}
          data-testid={`${testId}-files`}
          onChange={(event) => add(event.target.files)}
        />
      </Flex>
      {refused && <Alert type="warning" showIcon title={refused} />}
      {files.length > 0 && (
        <Flex wrap gap={8}>
          {files.map((file) => (
            <PendingTile
              key={file.id}
              file={file}
              disabled={disabled}
              onRemove={() => onChange(files.filter((other) => other.id !== file.id))}
            />
          ))}
        </Flex>
      )}
    </Flex>
  );
}

function PendingTile({ file, onRemove, disabled }: { file: PendingFile; onRemove: () => void; disabled?: boolean }) {
  const { t } = useI18n();
  const url = useLocalUrl(file.blob);
  const isImage = file.type.startsWith('image/');
  return (
    <Flex vertical gap={4} align="center" style={{ width: 88 }} data-testid="pending-attachment">
      {isImage ? (
        <img src={url} alt={file.name} style={TILE} />
      ) : (
        <Flex align="center" justify="center" style={{ ...TILE, background: '#f0f0f0' }}>
          PDF
        </Flex>
      )}
      <Typography.Text ellipsis style={{ width: 88, fontSize: 12 }} title={file.name}>
        {file.name}
      </Typography.Text>
      <Button
        size="small"
        danger
        disabled={disabled}
        onClick={onRemove}
        aria-label={t(`移除 ${file.name}`, `Remove ${file.name}`)}
      >
        {t('移除', 'Remove')}
      </Button>
    </Flex>
  );
}
