/**
 * The built web app (dist/web) must work on a closed government network: nothing in it may load
 * or fetch anything from another origin (no CDN, no web fonts, no analytics). No browser needed:
 * every file of the bundle is read and searched for external origins.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WEB_DIR } from '../../src/web/serve-web';

/**
 * The only absolute URLs the bundle may contain, each a string that is never requested. Keep this
 * list short; a new entry needs a reason here, not just a passing test.
 */
const HARMLESS_URLS: Record<string, string> = {
  // XML namespace names (React DOM and the SVG icons create elements in them): identifiers, not addresses.
  'http://www.w3.org/2000/svg': 'SVG namespace',
  'http://www.w3.org/1999/xlink': 'XLink namespace',
  'http://www.w3.org/XML/1998/namespace': 'XML namespace',
  'http://www.w3.org/1998/Math/MathML': 'MathML namespace',
  'http://www.w3.org/1999/xhtml': 'XHTML namespace',
  // React's production error messages link to their explanation; shown as text, never fetched.
  'https://react.dev/errors/': 'React error-message link',
  // React Router: a base for `new URL(path, base)` when parsing paths, and a link in an error message.
  'http://localhost': 'URL parsing base in React Router',
  'https://reactrouter.com/en/main/routers/picking-a-router': 'React Router error-message link',
  // React Router's error message for browsers without URLSearchParams.
  'https://github.com/ungap/url-search-params': 'React Router error-message link',
};

/** Every file under a folder, recursively. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

interface Finding {
  file: string;
  what: string;
  excerpt: string;
}

/** Absolute URLs, as far as a URL can run in minified code (up to a quote, space, bracket or backtick). */
const ABSOLUTE_URL = /\b(?:https?|wss?|ftp):\/\/[^\s"'`()<>\\]*/gi;
/** Things that load from elsewhere even without a full http(s) URL. */
const EXTERNAL_LOADS: { what: string; pattern: RegExp }[] = [
  { what: 'a protocol-relative URL', pattern: /["'`(=]\s*\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/"'`)?#]|$)/gi },
  { what: 'a CDN reference', pattern: /\/\/cdn/gi },
  { what: 'a CSS import of a remote stylesheet', pattern: /@import\s+(?:url\(\s*)?["']?\s*(?:https?:)?\/\//gi },
  { what: 'a hosted font service', pattern: /fonts\.(?:googleapis|gstatic)\.com|use\.typekit\.net|fonts\.cdnfonts/gi },
];

/** Trailing punctuation a URL in prose picks up ("see https://…/picking-a-router."). */
const trimUrl = (url: string) => url.replace(/[.,;:!?]+$/, '');

function excerpt(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 60), index + length + 60).replace(/\s+/g, ' ');
}

/** What in this text points at another origin, allowed strings left out. */
export function externalReferences(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ABSOLUTE_URL)) {
    const url = trimUrl(match[0]);
    if (Object.hasOwn(HARMLESS_URLS, url)) continue;
    findings.push({ file, what: `an external URL ${url}`, excerpt: excerpt(text, match.index, match[0].length) });
  }
  for (const { what, pattern } of EXTERNAL_LOADS) {
    for (const match of text.matchAll(pattern)) {
      findings.push({ file, what, excerpt: excerpt(text, match.index, match[0].length) });
    }
  }
  return findings;
}

const report = (findings: Finding[]) => findings.map((f) => `${f.file}: ${f.what}\n    …${f.excerpt}…`).join('\n');

describe('the built web bundle (dist/web)', () => {
  let files: string[];

  beforeAll(() => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) {
      throw new Error(`The web app is not built (no ${WEB_DIR}/index.html): run \`npm run build:web\` first.`);
    }
    files = filesUnder(WEB_DIR);
  });

  it('is a real bundle: an index.html and its scripts', () => {
    const names = files.map((file) => relative(WEB_DIR, file));
    expect(names).toContain('index.html');
    expect(names.some((name) => /^assets\/.+\.js$/.test(name))).toBe(true);
  });

  it('references no other origin in any file (js, css, html …)', () => {
    const findings = files.flatMap((file) =>
      externalReferences(relative(WEB_DIR, file), readFileSync(file).toString('latin1')),
    );
    if (findings.length) throw new Error(`The bundle reaches out to other origins:\n${report(findings)}`);
    expect(findings).toEqual([]);
  });

  it('loads, from index.html, only its own scripts and stylesheets', () => {
    const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) {
      const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attributes)?.[1];
      expect(src).toBeDefined(); // no inline script: the app is in its bundle
      expect(src).toMatch(/^\/assets\/[^/]+\.js$/);
      expect(existsSync(join(WEB_DIR, src!))).toBe(true);
    }
    for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
      const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1] ?? '';
      expect(href).toMatch(/^\/(?!\/)/);
    }
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
  });

  it('would notice an external reference (the scanner itself)', () => {
    const planted = [
      '<script src="https://cdn.example.com/react.js"></script>',
      'fetch(`https://stats.example.org/collect`)',
      '@import url(https://fonts.googleapis.com/css2?family=Noto+Sans+SC);',
      'const u="//cdn.jsdelivr.net/npm/echarts/map/china.json"',
      'src:url(//at.alicdn.com/t/font_1.woff2)',
      'new WebSocket("wss://push.example.com")',
    ];
    for (const text of planted) expect(externalReferences('planted', text)).not.toEqual([]);
    const harmless = 'createElementNS("http://www.w3.org/2000/svg","svg");x=`https://react.dev/errors/`+e';
    expect(externalReferences('harmless', harmless)).toEqual([]);
  });
});
