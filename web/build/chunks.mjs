/**
 * How the build groups modules into chunks. Left to itself, the bundler splits the code into many
 * small shared chunks; on a slow network each is a request with its own round trip (562.5 ms on
 * Fast 3G), and a browser opens only six connections at once. So:
 *
 * - `core`: every module the entry reaches through static imports (the sign-in page with React,
 *   the router, the query cache and Ant Design's base);
 * - `official`: the signed-in frame (Layout) and the official's first way (my enterprises, the
 *   visit form), with what they import and `core` lacks; an official's way from sign-in to the
 *   list and the visit form is then two chunks. The official's other pages (finding an
 *   enterprise, my problems, my visits) are not on it and come in chunks of their own when
 *   opened, like the wide screen's menu (Layout.tsx). Other roles load it too (their pages share
 *   most of its Ant Design components);
 * - everything else (the other pages, the charts, forms opened on demand) in chunks of its own,
 *   fetched when first opened.
 */

/**
 * A package's index that re-exports all its parts: it imports every part, used or not, so a
 * module imported only through it is not thereby on anyone's way (tree-shaking drops the rest).
 */
const BARREL = /node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+[\\/](?:es[\\/]|dist[\\/])?index\.m?js$/;
/** The roots of the `official` chunk: the frame and the pages of an official's first visit. */
const OFFICIAL_ROOTS =
  /[\\/]web[\\/]src[\\/](?:pages[\\/]official[\\/](?:MyEnterprisesPage|VisitFormPage)|Layout)\.tsx$/;

/** Whether a module is, or is imported statically (directly or through others) by, a root. */
function reachableFrom(isRoot) {
  const known = new Map();
  const visit = (id, ctx, path) => {
    if (known.has(id)) return known.get(id);
    const info = ctx.getModuleInfo(id);
    if (!info || path.has(id)) return false;
    path.add(id);
    const result =
      isRoot(info) || info.importers.some((importer) => !BARREL.test(importer) && visit(importer, ctx, path));
    path.delete(id);
    known.set(id, result);
    return result;
  };
  return (id, ctx) => visit(id, ctx, new Set());
}

export function codeSplitting() {
  const fromEntry = reachableFrom((info) => info.isEntry);
  const fromOfficial = reachableFrom((info) => OFFICIAL_ROOTS.test(info.id));
  return {
    groups: [
      {
        debugName: 'core',
        priority: 2,
        name: (id, ctx) => {
          const info = ctx.getModuleInfo(id);
          if (!info || info.isEntry) return null;
          return fromEntry(id, ctx) ? 'core' : null;
        },
      },
      {
        debugName: 'official',
        priority: 1,
        name: (id, ctx) => (!fromEntry(id, ctx) && fromOfficial(id, ctx) ? 'official' : null),
      },
    ],
  };
}
