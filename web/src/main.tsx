import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { hasStoredUser } from './auth';
import { registerOffline } from './offline';
import './contrast.css';
import { loadReportTimeZone } from './timeZone';

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// Every date on every page is in the report time zone, so the service is asked for it first. The
// sign-in page shows no date: signed out, it paints at once (auth.tsx waits for the zone on sign-in).
const zoneLoaded = loadReportTimeZone();
if (hasStoredUser()) void zoneLoaded.then(render);
else render();

registerOffline();
