// Which Chromium the browser tests drive, and the font setup that makes Chinese text readable in
// their screenshots. Nothing has to be installed on the machine beyond `npm ci`:
//
//   1. CHROMIUM_PATH, when set (it must name an executable);
//   2. otherwise a Chromium or Chrome installed on the system (/usr/bin/chromium, …, or on PATH);
//   3. otherwise the Chromium that the npm package @sparticuz/chromium carries inside it, unpacked
//      once per package version into the temp folder and reused by later runs. It needs NSS, NSPR
//      and expat from the system; where they are missing, the copies the package carries are used.
//
// The package's own launch flags (`chromium.args`) are never used: they are made for serverless
// hosts and switch off web security, which the browser tests check. The harness keeps its own.
//
// Fonts: a fonts.conf in the temp folder adds Noto Sans SC, shipped as plain TTF files by the npm
// package @expo-google-fonts/noto-sans-sc, to the system's fontconfig setup. The browser is
// started with FONTCONFIG_FILE pointing at it.
//
// An ES module, since @sparticuz/chromium is ESM-only; the harness (test/browser/support.ts, run
// by jest as CommonJS) runs it as a child process with --json. Run by hand (or by .ci/run) it
// prints the Chromium it chose and that Chromium's version.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function systemChromium() {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => SYSTEM_NAMES.map((name) => join(dir, name)));
  return [...SYSTEM_PATHS, ...onPath].find(isExecutable);
}

/** The folder of an installed package, found through its entry point (its `exports` hide package.json). */
function packageDir(name) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || readPackage(dir).name !== name) {
    if (dirname(dir) === dir) throw new Error(`no package.json above ${require.resolve(name)}`);
    dir = dirname(dir);
  }
  return dir;
}

function readPackage(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/**
 * The package's Chromium, unpacked into <tmp>/outreach-chromium-<version>/. `executablePath()`
 * unpacks into the temp folder it finds in TMPDIR, always under the same names; it is pointed at a
 * fresh folder of its own, which is then renamed into place in one step, so that test files
 * starting at the same time never see a half-written binary, and a Chromium left in /tmp by
 * another program is never taken for this one.
 */
async function packagedChromium() {
  const packageFolder = packageDir('@sparticuz/chromium');
  const { version } = readPackage(packageFolder);
  const target = join(tmpdir(), `outreach-chromium-${version}`);
  const binary = join(target, 'chromium');
  if (isExecutable(binary)) return { binary, libraries: join(target, 'al2023', 'lib') };

  const { default: Chromium, inflate } = await import('@sparticuz/chromium');
  const staging = await mkdtemp(`${target}.unpacking-`);
  const savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await Chromium.executablePath();
    // The few shared libraries the binary needs (NSS, NSPR, expat), for a system without them.
    await inflate(join(packageFolder, 'bin', 'al2023.tar.br'));
  } finally {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    // Another test file unpacked it first: use that one.
    await rm(staging, { recursive: true, force: true });
    if (!isExecutable(binary)) throw error;
  }
  return { binary, libraries: join(target, 'al2023', 'lib') };
}

/**
 * The variables the packaged Chromium needs: none where the system has NSS, NSPR and expat (most
 * desktops and this project's machines), else LD_LIBRARY_PATH to the copies the package carries.
 */
function libraryEnv(binary, libraries) {
  try {
    execFileSync(binary, ['--version'], { stdio: 'pipe' });
    return {};
  } catch (error) {
    if (!/error while loading shared libraries/.test(String(error.stderr))) throw error;
    return { LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter) };
  }
}

/** A fonts.conf that adds the packaged CJK font to whatever fontconfig setup the system has. */
async function fontconfigFile() {
  const fontPackage = packageDir('@expo-google-fonts/noto-sans-sc');
  const dir = join(tmpdir(), `outreach-fontconfig-${readPackage(fontPackage).version}`);
  await mkdir(join(dir, 'cache'), { recursive: true });
  const file = join(dir, 'fonts.conf');
  const conf = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...['400Regular', '700Bold'].map((weight) => `  <dir>${join(fontPackage, weight)}</dir>`),
    `  <cachedir>${join(dir, 'cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  // Written under a name of its own, then renamed: a browser starting meanwhile reads a whole file.
  const draft = `${file}.${process.pid}`;
  await writeFile(draft, conf);
  await rename(draft, file);
  return file;
}

/**
 * The Chromium to drive: `{ executablePath, source, env }`, where `env` holds the variables the
 * browser is started with (FONTCONFIG_FILE, and LD_LIBRARY_PATH when the package's libraries
 * are needed).
 */
export async function findChromium() {
  let executablePath;
  let source;
  let env = {};
  if (process.env.CHROMIUM_PATH) {
    executablePath = process.env.CHROMIUM_PATH;
    source = 'CHROMIUM_PATH';
    if (!isExecutable(executablePath)) {
      throw new Error(`CHROMIUM_PATH is ${executablePath}, which is not an executable file.`);
    }
  } else if ((executablePath = systemChromium())) {
    source = 'installed on this system';
  } else {
    const { binary, libraries } = await packagedChromium();
    executablePath = binary;
    source = 'the npm package @sparticuz/chromium';
    env = libraryEnv(binary, libraries);
  }
  return { executablePath, source, env: { ...env, FONTCONFIG_FILE: await fontconfigFile() } };
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = await findChromium();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(found));
  } else {
    const version = execFileSync(found.executablePath, ['--version'], {
      encoding: 'utf8',
      env: { ...process.env, ...found.env },
    }).trim();
    console.log(`browser tests: ${version} (${found.source}: ${found.executablePath})`);
  }
}
