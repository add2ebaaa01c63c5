import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { DrillDownScope } from './types';

export type { DrillDownScope } from './types';

// The drawer, its table and the publish dialog are a chunk of their own, fetched the first time a
// figure is opened: the pages that never open one (an official's) do not carry them.
const DrillDownDrawer = lazy(() => import('./DrillDownDrawer'));

/**
 * A page's drill-down: `open(scope)` shows the drawer for a figure's scope, and `drawer` is what
 * the page renders for it (nothing while none is open).
 */
export function useDrillDown(): { open: (scope: DrillDownScope) => void; drawer: ReactNode } {
  const [scope, setScope] = useState<DrillDownScope | null>(null);
  const drawer = scope && (
    <Suspense fallback={null}>
      <DrillDownDrawer scope={scope} onClose={() => setScope(null)} />
    </Suspense>
  );
  return { open: setScope, drawer };
}
