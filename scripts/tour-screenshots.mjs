#!/usr/bin/env node
/**
 * Retakes the screenshots of the README's and docs/web-app.md's tour (docs/screenshots/) from the
 * current app and the demo data: `npm run screenshots`.
 *
 * The browser tests take every one of them on each run into test-results/screenshots/ (as the
 * story they check goes along: an official's visit on a phone, the handler's queue, the manager's
 * pages …). This finds the images the docs show, runs the browser tests that take them (after a
 * build), and copies each into docs/screenshots/. It stops, naming them, if a test fails or an
 * image the docs show is taken by no test. Needs what `npm test` needs (DATABASE_URL or the
 * embedded PostgreSQL; a Chromium, test/browser/chromium.mjs).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = [
  join(ROOT, 'README.md'),
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(ROOT, 'docs', f)),
];
const TARGET = join(ROOT, 'docs', 'screenshots');
const TAKEN = join(ROOT, 'test-results', 'screenshots');
const SPECS = join(ROOT, 'test', 'browser');

// The images the docs show: every docs/screenshots/<name>.png they link to.
const names = [
  ...new Set(
    DOCS.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/screenshots\/([\w.-]+)\.png/g)].map((m) => m[1])),
  ),
].sort();

// The browser tests that take them: `screenshot(page, '<name>')`.
const specs = readdirSync(SPECS).filter((file) => file.endsWith('.e2e-spec.ts'));
const takenBy = new Map(
  names.map((name) => [name, specs.filter((spec) => readFileSync(join(SPECS, spec), 'utf8').includes(`'${name}'`))]),
);
const orphans = names.filter((name) => takenBy.get(name).length === 0);
if (orphans.length) {
  console.error(`No browser test takes these screenshots the docs show: ${orphans.join(', ')}`);
  process.exit(1);
}
const toRun = [...new Set([...takenBy.values()].flat())].sort().map((spec) => join('test', 'browser', spec));

const run = (command, args) => {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const started = Date.now();
run('npm', ['run', 'build', '--silent']);
run('npx', ['jest', '-w', '1', ...toRun]);

const missing = [];
for (const name of names) {
  const from = join(TAKEN, `${name}.png`);
  // Taken by this run (the folder may hold older ones).
  if (!existsSync(from) || statSync(from).mtimeMs < started) {
    missing.push(name);
    continue;
  }
  copyFileSync(from, join(TARGET, `${name}.png`));
  console.log(`${relative(ROOT, join(TARGET, `${name}.png`))}  (${(statSync(from).size / 1000).toFixed(0)} kB)`);
}
if (missing.length) {
  console.error(`Not taken by this run: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`\n${names.length} screenshots retaken. Check that the docs' captions still say what they show.`);
