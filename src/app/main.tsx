import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { openStore, requestPersistentStorage, seedFirstRun, StoreProvider } from '#db';
import { App } from './App.tsx';
import './styles.css';

const store = openStore();
// First run loads the starter frameworks and the demo class; screens fill in as the data lands.
void seedFirstRun(store).catch((error: unknown) => console.error('Could not load starter content', error));
void requestPersistentStorage().catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StoreProvider>
  </StrictMode>,
);
