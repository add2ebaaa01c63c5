import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './contrast.css';
import { loadReportTimeZone } from './timeZone';

// Every date on every page is in the report time zone, so the service is asked for it first.
void loadReportTimeZone().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
