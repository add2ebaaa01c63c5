import { promises as fs } from 'node:fs';
import sharp from 'sharp';
import { DomainError } from '../common/domain-error';

/** What a file is by its first bytes, never by its name or the type the client declared. */
export type SniffedType = 'jpeg' | 'png' | 'webp' | 'heif' | 'pdf';

export type AttachmentKind = 'image' | 'pdf';

/** The longest side of a stored image and of its thumbnail, in pixels. */
export const IMAGE_MAX_SIDE = 1600;
export const THUMBNAIL_MAX_SIDE = 320;

/** Pixels an image may declare before it is decoded (a "decompression bomb" is refused, not decoded). */
const MAX_INPUT_PIXELS = 80_000_000;

// libvips' cache keeps decoded images for reuse; a service that decodes each upload once needs none.
sharp.cache(false);

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif']);

/** The type the magic bytes of a file's start show, or undefined for anything else. */
export function sniff(head: Buffer): SniffedType | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (head.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(head.toString('latin1', 8, 12))) return 'heif';
  if (head.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  return undefined;
}

/** The first bytes of a file on disk. */
export async function headOf(file: string, bytes = 32): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** An image ready to store: downscaled, turned upright, without metadata, and its thumbnail. */
export interface PreparedImage {
  kind: 'image';
  mime: string;
  content: Buffer;
  width: number;
  height: number;
  thumbnail: Buffer;
}

export interface PreparedPdf {
  kind: 'pdf';
  mime: 'application/pdf';
  /** The file as sent. */
  path: string;
}

export type PreparedFile = PreparedImage | PreparedPdf;

const refused = (name: string, why: string) => DomainError.invalidField('file', `${name}: ${why}`);

/**
 * Checks a received file by its content and prepares what is stored: an image is decoded, turned by
 * its EXIF orientation, scaled down to at most IMAGE_MAX_SIDE on its longest side and re-encoded
 * WITHOUT its metadata (EXIF, GPS position, camera serials: sharp writes none unless asked), with a
 * THUMBNAIL_MAX_SIDE JPEG thumbnail; a PDF is kept as sent. Anything else, or an image that does
 * not decode, is refused with a 400 naming `file`.
 */
export async function prepareFile(file: string, name: string): Promise<PreparedFile> {
  const type = sniff(await headOf(file));
  if (type === undefined) return Promise.reject(refused(name, 'is neither a photo (JPEG, PNG, WebP) nor a PDF'));
  if (type === 'pdf') return { kind: 'pdf', mime: 'application/pdf', path: file };
  try {
    // The input is decoded once: oriented, scaled, re-encoded.
    const upright = sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      type === 'png'
        ? upright.png({ compressionLevel: 9 })
        : type === 'webp'
          ? upright.webp({ quality: 82 })
          : upright.jpeg({ quality: 82 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data)
      .resize({ width: THUMBNAIL_MAX_SIDE, height: THUMBNAIL_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 72 })
      .toBuffer();
    const mime = type === 'png' ? 'image/png' : type === 'webp' ? 'image/webp' : 'image/jpeg';
    return { kind: 'image', mime, content: data, width: info.width, height: info.height, thumbnail };
  } catch {
    return Promise.reject(
      refused(
        name,
        type === 'heif'
          ? 'HEIC/HEIF photos cannot be read here: send JPEG (on an iPhone, Settings › Camera › Formats › Most Compatible)'
          : 'the image is damaged or cannot be read',
      ),
    );
  }
}

/** A file name fit to show and to send back: the last path part, no control characters, at most 200 characters. */
export function cleanName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'file';
}
