import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('./service-worker.js', import.meta.url));
const ROLES = ['official', 'handler', 'manager', 'admin'];
/**
 * Who opens the pages of each folder under web/src/pages/ (the house rule: one folder per role);
 * shared pages are everyone's. routes.tsx stays the authority on access: this only decides what is
 * fetched ahead for offline use.
 */
const FOLDER_ROLES = {
  official: ['official'],
  handler: ['handler'],
  manager: ['manager', 'admin'],
  admin: ['admin'],
  shared: ROLES,
};

/**
 * Emits dist/web/sw.js: the service worker of web/build/service-worker.js with this build's files.
 * The shell is the entry chunk with everything it imports statically; each role's list holds the
 * chunks of its pages (lazy routes) with what they import, and their styles.
 */
export function offlineShell() {
  return {
    name: 'outreach-offline-shell',
    apply: 'build',
    // After Vite's own steps, which drop chunks left empty (an entry whose code all went to `core`).
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const html = Object.values(bundle).find((item) => item.type === 'asset' && item.fileName === 'index.html');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (start) => {
        const seen = new Set();
        const visit = (fileName) => {
          if (seen.has(fileName)) return;
          seen.add(fileName);
          const chunk = byName.get(fileName);
          if (!chunk) return;
          chunk.imports.forEach(visit);
          for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
        };
        start.forEach(visit);
        return seen;
      };
      // The scripts index.html loads (the entry may have been folded into `core`), and the entry.
      const fromHtml = html ? [...String(html.source).matchAll(/\/(assets\/[^"']+\.js)/g)].map((m) => m[1]) : [];
      const entry = [
        ...new Set([...chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName), ...fromHtml]),
      ];
      const shell = closure(entry);
      const roles = Object.fromEntries(ROLES.map((role) => [role, new Set()]));
      for (const chunk of chunks) {
        if (!chunk.isDynamicEntry) continue;
        const folder = /\/web\/src\/pages\/([^/]+)\//.exec(chunk.facadeModuleId ?? '')?.[1];
        // A page is its role's; any other lazy chunk (the signed-in frame, antd's App, a form
        // opened on demand) may be needed by every role.
        const owners = folder ? FOLDER_ROLES[folder] : ROLES;
        if (!owners) continue;
        for (const file of closure([chunk.fileName])) {
          if (shell.has(file)) continue;
          for (const role of owners) roles[role].add(file);
        }
      }
      const url = (file) => `/${file}`;
      const manifest = {
        shell: [...shell].map(url),
        roles: Object.fromEntries(Object.entries(roles).map(([role, files]) => [role, [...files].map(url).sort()])),
      };
      const version = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12);
      const source = readFileSync(TEMPLATE, 'utf8').replace(
        'self.__OUTREACH_MANIFEST__',
        JSON.stringify({ version, ...manifest }),
      );
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
