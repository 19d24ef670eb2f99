import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectWorkspace } from './api';
import { App } from './App';
import './styles.css';

const client = connectWorkspace();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
