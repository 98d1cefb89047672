import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary } from './panels/ErrorBoundary.tsx';
import { appStore } from './store/appStore.ts';
import { startUrlSync } from './url/urlSync.ts';
import { isLessonHash } from './lessons/lessonHash.ts';
import { lessonStore } from './lessons/lessons.ts';
import { startLessonSync } from './lessons/lessonStore.ts';
import { startServiceWorker } from './offline/registerServiceWorker.ts';
import './styles/theme.css';
import './styles/app.css';
import './print/print.css';

// Read the link before the first render, so a shared state never flashes the default example.
startUrlSync(appStore, window, isLessonHash);
startLessonSync(lessonStore, window);
// Offline after the first visit (the built app only).
startServiceWorker();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="playground">
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
