import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_LOGGER, AppModule, AppOptions } from './app.module';
import { jsonBody } from './common/json-body';
import { requestLog } from './common/logging';
import { createValidationPipe } from './common/validation';
import { serveWeb } from './web/serve-web';
import type { Server } from 'node:http';
import type { AppConfig } from './config/app-config';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';

/** Builds the HTTP application (used by main and by the tests alike). */
export async function createApp(options: AppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(requestLog(app.get(APP_LOGGER)));
  app.setGlobalPrefix('api/v1', { exclude: [] });
  app.useGlobalPipes(createValidationPipe());
  app.use(securityHeaders(options.config));
  app.use(...jsonBody);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.getHttpAdapter().getInstance().set('etag', false);
  serveWeb(app);

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  limitSlowRequests(app.getHttpServer() as Server, options.config);
  await app.init();
  return app;
}

/**
 * Helmet's headers with a policy that runs no inline script: the app's own scripts only, and none
 * at all in what the API answers (the printable weekly report, error pages). HSTS and
 * `upgrade-insecure-requests` only go with requests that came over TLS (or `HTTPS_HEADERS=always`):
 * on a plain-HTTP intranet they would make the browser ask for the scripts over HTTPS and paint
 * nothing. Trusting `X-Forwarded-Proto` here is harmless: a forged value only changes the headers
 * of the forger's own response.
 */
function securityHeaders(config: AppConfig): (req: Request, res: Response, next: NextFunction) => void {
  const policy = (overTls: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': [(req) => (isApiPath((req as Request).path) ? "'none'" : "'self'")],
          // blob: for the attachments, which the app fetches with its token and shows from memory.
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': overTls ? [] : null,
        },
      },
      strictTransportSecurity: overTls,
    });
  const overTls = policy(true);
  const plain = policy(false);
  return (req, res, next) => {
    const secure =
      config.httpsHeaders === 'always' ||
      (config.httpsHeaders === 'auto' && (cameOverTls(req) || forwardedProto(req) === 'https'));
    (secure ? overTls : plain)(req, res, next);
  };
}

function isApiPath(path: string): boolean {
  return path === '/api/v1' || path.startsWith('/api/v1/');
}

function cameOverTls(req: Request): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true;
}

/** The protocol the first proxy saw, from `X-Forwarded-Proto: https, http`. */
function forwardedProto(req: Request): string | undefined {
  const header = req.headers['x-forwarded-proto'];
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim().toLowerCase();
}

/**
 * Node keeps a socket for up to 300 s while a request body trickles in; cut it at the configured
 * times (Node answers 408 and closes), and check every quarter of the shorter one so the cut comes
 * close to it.
 */
function limitSlowRequests(server: Server, config: AppConfig): void {
  server.requestTimeout = config.httpRequestTimeoutSeconds * 1000;
  server.headersTimeout = config.httpHeadersTimeoutSeconds * 1000;
  // Node reads it when the server starts listening (its types leave it out).
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(
    250,
    Math.min(30_000, (Math.min(config.httpRequestTimeoutSeconds, config.httpHeadersTimeoutSeconds) * 1000) / 4),
  );
}

/**
 * The OpenAPI document of the routes an application holds: served at /api/docs-json, and built
 * without a database by scripts/openapi.ts, which writes the web app's types from it.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jiuquan business-outreach service (酒泉市包联走访问题办理)')
      .setDescription('Enterprises, visits, problems and their resolution workflow, and the figures built on them.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
