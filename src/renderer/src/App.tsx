import type { WorkspaceClient } from '../../shared/api/contract';
import { ProductShell } from './features/product/ProductShell';
import { StartScreen } from './features/start/StartScreen';
import { ClientContext } from './state/clientContext';
import { useRoute } from './state/route';

export function App({ client }: { client: WorkspaceClient }) {
  const route = useRoute();
  return (
    <ClientContext.Provider value={client}>
      {route.screen === 'start' ? <StartScreen /> : <ProductShell key={route.id} id={route.id} view={route.view} />}
    </ClientContext.Provider>
  );
}
