import { useEffect, useMemo, useState } from 'react';
import { api, getToken } from '../../api';
import type { components } from '../../api/schema';

export type Attachment = components['schemas']['AttachmentResponse'];

/** A file chosen on this device and not yet sent. */
export interface PendingFile {
  id: string;
  name: string;
  type: string;
  blob: Blob;
}

/** What one upload may carry (the service's defaults: ATTACHMENT_MAX_MB, ATTACHMENT_MAX_FILES). */
export const MAX_FILES = 10;
export const MAX_BYTES = 10 * 1024 * 1024;

/** The types a picker offers; the service checks the content whatever the name says. */
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/** Sends files in one multipart request; the key makes a retry store nothing twice. */
export function uploadAttachments(
  path: string,
  files: PendingFile[],
  options: { key: string; eventId?: string; signal?: AbortSignal },
): Promise<{ items: Attachment[] }> {
  const form = new FormData();
  if (options.eventId) form.append('eventId', options.eventId);
  for (const file of files) form.append('file', file.blob, file.name);
  return api<{ items: Attachment[] }>(path, {
    method: 'POST',
    body: form,
    headers: { 'Idempotency-Key': options.key },
    signal: options.signal,
  });
}

/** Fetches a file with the token (an <img> cannot send one) and answers an object URL for it. */
export async function fetchBlob(url: string): Promise<Blob> {
  const token = getToken();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.blob();
}

/** An object URL for a served file (or null while it loads or when it failed); revoked when no longer shown. */
export function useBlobUrl(url: string | null): string | null {
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    let made: string | null = null;
    fetchBlob(url).then(
      (blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setObjectUrl(made);
      },
      () => live && setObjectUrl(null),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [url]);
  return url ? objectUrl : null;
}

/** An object URL for a local file, revoked when no longer shown. */
export function useLocalUrl(blob: Blob): string {
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

/** Opens a PDF (or any file) in a new tab from its bytes. */
export async function openInNewTab(url: string): Promise<void> {
  // Opened before the fetch, so that the browser counts it as the click's own window.
  const tab = window.open('', '_blank');
  const objectUrl = URL.createObjectURL(await fetchBlob(url));
  if (tab) tab.location.href = objectUrl;
  else window.location.href = objectUrl;
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

export function newFileId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
