/**
 * How the build groups modules into chunks. Left to itself, the bundler splits what the first
 * script imports into a dozen small shared chunks; on a slow network each is a request with its
 * own round trip (562.5 ms on Fast 3G), and a browser opens only six connections at once. So every
 * module the entry reaches through static imports goes into one chunk, `core`; pages and what
 * only they use stay in chunks of their own, fetched when opened.
 */
/**
 * A package's index that re-exports all its parts: it imports every part, used or not, so a
 * module imported only through it is not thereby on the entry's way (tree-shaking drops the rest).
 */
const BARREL = /node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+[\\/](?:es[\\/]|dist[\\/])?index\.m?js$/;

export function codeSplitting() {
  const reachable = new Map();
  /** Whether a module is imported statically, directly or through others, by the entry. */
  const fromEntry = (id, ctx, path = new Set()) => {
    if (reachable.has(id)) return reachable.get(id);
    const info = ctx.getModuleInfo(id);
    if (!info || path.has(id)) return false;
    path.add(id);
    const result =
      info.isEntry || info.importers.some((importer) => !BARREL.test(importer) && fromEntry(importer, ctx, path));
    path.delete(id);
    reachable.set(id, result);
    return result;
  };
  return {
    groups: [
      {
        debugName: 'core',
        name: (id, ctx) => {
          const info = ctx.getModuleInfo(id);
          if (!info || info.isEntry) return null;
          return fromEntry(id, ctx) ? 'core' : null;
        },
      },
    ],
  };
}
