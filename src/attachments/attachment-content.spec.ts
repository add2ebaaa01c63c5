import { cleanName, sniff } from './attachment-content';

describe('sniff: the type of a file by its first bytes', () => {
  const bytes = (...values: number[]) => Buffer.from(values);

  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ['webp', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')],
    ['heif', Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1')],
    ['heif', Buffer.from('\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00', 'latin1')],
    ['pdf', Buffer.from('%PDF-1.7\n', 'latin1')],
  ])('recognises %s', (type, head) => {
    expect(sniff(head)).toBe(type);
  });

  it.each([
    ['a shell script', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a GIF', Buffer.from('GIF89a')],
    ['a Windows program', Buffer.from('MZ\x90\x00', 'latin1')],
    ['a PDF marker not at the start', Buffer.from(' %PDF-1.4')],
    ['a truncated JPEG marker', bytes(0xff, 0xd8)],
    ['an MP4 (ftyp, another brand)', Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x00\x00', 'latin1')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_what, head) => {
    expect(sniff(head)).toBeUndefined();
  });
});

describe('cleanName: a file name fit to show and send back', () => {
  it('keeps the last path part and Chinese', () => {
    expect(cleanName('C:\\Users\\张\\现场照片.jpg')).toBe('现场照片.jpg');
    expect(cleanName('../../etc/passwd')).toBe('passwd');
  });

  it('drops control characters and caps the length', () => {
    expect(cleanName('a\u0000b\r\nc.pdf')).toBe('abc.pdf');
    expect(cleanName('x'.repeat(300))).toHaveLength(200);
  });

  it('names an empty or missing name "file"', () => {
    expect(cleanName(undefined)).toBe('file');
    expect(cleanName('   ')).toBe('file');
    expect(cleanName('dir/')).toBe('file');
  });
});
