import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_LOGGER, AppModule, AppOptions } from './app.module';
import { jsonBody } from './common/json-body';
import { requestLog } from './common/logging';
import { createValidationPipe } from './common/validation';
import { serveWeb } from './web/serve-web';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';

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
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  app.use(...jsonBody);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.getHttpAdapter().getInstance().set('etag', false);
  serveWeb(app);

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
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
