import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The project root: the nearest folder above this file with a package.json (works from src/ and dist/src/). */
function projectRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** Where `npm run build:web` puts the single-page app. */
export const WEB_DIR = resolve(projectRoot(), 'dist', 'web');

/** Content types of what the build writes; a compressed copy is sent with its original's type. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The build's compressed copies (web/build/precompress.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Hashed file names (Vite's `name-<hash>.ext`) never change content: a browser may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and sw.js: always asked again, so a new build is picked up on the next load. */
const REVALIDATE = 'no-cache';

/** Whether the request's Accept-Encoding allows an encoding (a `;q=0` refuses it). */
export function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== encoding && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends a file of the build, or its brotli or gzip copy when the browser takes one: the original's
 * content type, `Content-Encoding` for the copy, and `Vary: Accept-Encoding` either way so that a
 * cache between keeps them apart.
 */
function sendBuilt(req: Request, res: Response, file: string, cacheControl: string): void {
  res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  const encoding = ENCODINGS.find(
    (e) => acceptsEncoding(req.headers['accept-encoding'], e.name) && existsSync(file + e.suffix),
  );
  if (encoding) res.setHeader('Content-Encoding', encoding.name);
  // `send` keeps the Content-Type set above; caching is decided here, not by its defaults.
  res.sendFile(file + (encoding?.suffix ?? ''), { cacheControl: false, lastModified: false, dotfiles: 'deny' });
}

/**
 * Serves the web app at / from the same origin as /api/v1: hashed assets (brotli or gzip when the
 * browser takes it) cached for a year, the service worker at /sw.js, and index.html (never cached
 * without asking) for any other page load outside /api, so the app's own routes load on reload.
 */
export function serveWeb(app: NestExpressApplication): void {
  const index = join(WEB_DIR, 'index.html');
  if (!existsSync(index)) return;
  const assets = join(WEB_DIR, 'assets');
  const tracking = join(WEB_DIR, 'track.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || req.path === '/api') {
      return next();
    }
    if (req.path.startsWith('/assets/')) {
      // Only plain file names: Vite writes every asset flat into assets/.
      const name = req.path.slice('/assets/'.length);
      const file = join(assets, name);
      if (!/^[\w.-]+$/.test(name) || name.startsWith('.') || !existsSync(file)) return next();
      return sendBuilt(req, res, file, IMMUTABLE);
    }
    if (req.path === '/sw.js') {
      if (!existsSync(join(WEB_DIR, 'sw.js'))) return next();
      // The worker may control the whole origin from here; it is re-checked on every load.
      res.setHeader('Service-Worker-Allowed', '/');
      return sendBuilt(req, res, join(WEB_DIR, 'sw.js'), REVALIDATE);
    }
    // Only a browser's page load (it asks for text/html); API clients get the API's 404.
    if (!req.headers.accept?.includes('text/html')) return next();
    if (req.path.startsWith('/t/') && existsSync(tracking)) {
      // The enterprise's tracking page: its own small entry. The token in its address is never
      // sent on as a referrer, and no cache keeps the page under that address.
      res.setHeader('Referrer-Policy', 'no-referrer');
      return sendBuilt(req, res, tracking, 'no-store');
    }
    sendBuilt(req, res, index, REVALIDATE);
  });
}
