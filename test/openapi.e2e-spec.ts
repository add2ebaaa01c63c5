import { buildOpenApiDocument } from '../scripts/openapi-document';
import { createTestApp, TestApp } from './support/test-app';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

/** The contract the web app's types are generated from: every answer of every route has a schema. */
describe('the OpenAPI document at /api/docs-json', () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    document = res.body as Document;
  });
  afterAll(() => t.close());

  it('declares a schema for the body of every 2xx answer (204 has none)', () => {
    const missing: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations += 1;
        const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) missing.push(`${method.toUpperCase()} ${path}: no 2xx answer`);
        for (const [status, response] of success) {
          if (status === '204') continue;
          const contents = Object.entries(response.content ?? {});
          if (contents.length === 0) missing.push(`${method.toUpperCase()} ${path} ${status}: no content`);
          for (const [type, content] of contents) {
            if (!content.schema) missing.push(`${method.toUpperCase()} ${path} ${status} ${type}: no schema`);
          }
        }
      }
    }
    expect(operations).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('declares the error shape as every operation’s default answer', () => {
    const without = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => !operation.responses.default?.content?.['application/json']?.schema)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    // The health check answers in terminus's own shape.
    expect(without).toEqual(['GET /api/v1/health']);
    expect(document.components.schemas.ErrorResponse).toBeDefined();
  });

  it('gives every property of every schema a type (a nullable union without one reads as an empty object)', () => {
    const untyped = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
      Object.entries((schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {})
        .filter(
          ([, property]) =>
            property.type === 'object' && !property.properties && !property.additionalProperties && !property.$ref,
        )
        .map(([property]) => `${name}.${property}`),
    );
    expect(untyped).toEqual([]);
  });

  it('is the document the web app’s types are generated from (built without a database)', async () => {
    expect(await buildOpenApiDocument()).toEqual(document);
  });
});
