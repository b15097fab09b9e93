import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CommandProvider } from './commands/CommandProvider';
import { DataProvider } from './data/DataProvider';
import { ToastProvider } from './ui/Toasts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DataProvider>
      <CommandProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </CommandProvider>
    </DataProvider>
  </StrictMode>,
);
