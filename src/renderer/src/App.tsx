import { useEffect } from 'react';
import type { WorkspaceClient } from '../../shared/api/contract';
import { onAppCommand } from './api';
import { ImportHost } from './features/import/ImportHost';
import { ProductShell } from './features/product/ProductShell';
import { StartScreen } from './features/start/StartScreen';
import { ClientContext } from './state/clientContext';
import { navigate, useRoute } from './state/route';

export function App({ client }: { client: WorkspaceClient }) {
  const route = useRoute();
  // The native menu's File → New product (Electron): go to the start screen's new-product field.
  useEffect(
    () =>
      onAppCommand((command) => {
        if (command !== 'new-product') return;
        navigate({ screen: 'start' });
        requestAnimationFrame(() => document.getElementById('new-product-name')?.focus());
      }),
    [],
  );
  return (
    <ClientContext.Provider value={client}>
      {route.screen === 'start' ? <StartScreen /> : <ProductShell key={route.id} id={route.id} view={route.view} />}
      <ImportHost />
    </ClientContext.Provider>
  );
}
