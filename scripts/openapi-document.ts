/** The service's OpenAPI document built from the controllers' metadata: no database, no server. */
import 'reflect-metadata';
import { ConsoleLogger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../src/app.module';
import { createOpenApiDocument } from '../src/app';
import { loadConfig } from '../src/config/app-config';

type ModuleRef = Type | DynamicModule | Promise<DynamicModule> | { forwardRef: () => Type };

/** Every controller of the app's module tree, in the order Nest registers them. */
function controllersOf(root: DynamicModule): Type[] {
  const seen = new Set<unknown>();
  const controllers: Type[] = [];
  const visit = (ref: ModuleRef | undefined) => {
    if (!ref || ref instanceof Promise) return;
    const module = 'forwardRef' in ref ? ref.forwardRef() : ref;
    const type = 'module' in module ? module.module : module;
    const key = 'module' in module ? module : type;
    if (seen.has(key)) return;
    seen.add(key);
    const dynamic = 'module' in module ? module : undefined;
    const own = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) ?? []) as Type[];
    controllers.push(...own, ...((dynamic?.controllers ?? []) as Type[]));
    const imports = [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) ?? []) as ModuleRef[]),
      ...((dynamic?.imports ?? []) as ModuleRef[]),
    ];
    imports.forEach(visit);
  };
  visit(root);
  return controllers;
}

/** The document /api/docs-json serves, from an app that holds the controllers and stand-ins for what they inject. */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const root = AppModule.forRoot({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    databaseUrl: 'postgres://unused.invalid/unused',
    jwtSecret: 'unused-for-the-document-0123456789abcdef',
  });
  const moduleRef = await Test.createTestingModule({ controllers: controllersOf(root) })
    .useMocker(() => ({}))
    .setLogger(new ConsoleLogger('openapi', { logLevels: ['error', 'warn'] }))
    .compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  app.setGlobalPrefix('api/v1');
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
