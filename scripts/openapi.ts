/**
 * Writes the web app's API types (web/src/api/schema.d.ts) from the service's OpenAPI document,
 * built from the controllers' metadata alone: no database, no listening server.
 *
 *   npm run openapi           regenerate the file
 *   npm run openapi -- --check  fail when the committed file differs from what the code declares
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument } from './openapi-document';

const ROOT = join(__dirname, '..', '..');
export const SCHEMA_FILE = join(ROOT, 'web', 'src', 'api', 'schema.d.ts');

/** The TypeScript the web app imports, formatted as the repository's prettier settings say. */
export async function renderSchema(document: OpenAPIObject): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(document as never, { alphabetize: true });
  const banner =
    "/**\n * The service's API types, generated from its OpenAPI document by scripts/openapi.ts.\n" +
    ' * Do not edit: change the response classes (the *.response.ts files) and run `npm run openapi`.\n */\n';
  const options = (await resolveConfig(SCHEMA_FILE)) ?? {};
  return format(banner + astToString(ast), { ...options, filepath: SCHEMA_FILE });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const text = await renderSchema(await buildOpenApiDocument());
  if (!check) {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${SCHEMA_FILE}`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // a missing file differs like any other
  }
  if (committed === text) return;
  const fresh = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'schema.d.ts');
  writeFileSync(fresh, text);
  console.error(
    `web/src/api/schema.d.ts is out of date with the API's response classes.\n` +
      `  compare: diff ${SCHEMA_FILE} ${fresh}\n  fix:     npm run openapi`,
  );
  process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
