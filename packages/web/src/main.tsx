import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app.js';
import './global.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>
);
