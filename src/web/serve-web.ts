import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/**
 * Serves the web app at / from the same origin as /api/v1: hashed assets cached for a year, and
 * index.html (never cached) for any other page load outside /api, so the app's own routes load on
 * reload.
 */
export function serveWeb(app: NestExpressApplication): void {
  const index = join(WEB_DIR, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(join(WEB_DIR, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || req.path === '/api') {
      return next();
    }
    // Only a browser's page load (it asks for text/html); API clients get the API's 404.
    if (req.path.startsWith('/assets/') || !req.headers.accept?.includes('text/html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
