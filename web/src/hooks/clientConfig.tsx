import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { clientConfig } from '../api/endpoints';
import type { ClientConfig } from '../api/types';
import { useResource } from './useResource';

const fallback: ClientConfig = { tileUrl: '', demo: false };
const ClientConfigContext = createContext<ClientConfig>(fallback);

/** Settings the server hands the browser (tile URL, demo mode), fetched once. */
export function ClientConfigProvider({ children }: { children: ReactNode }) {
  const { data } = useResource(clientConfig, 'client-config');
  return (
    <ClientConfigContext.Provider value={data ?? fallback}>{children}</ClientConfigContext.Provider>
  );
}

export function useClientConfig(): ClientConfig & { loaded: boolean } {
  const config = useContext(ClientConfigContext);
  return { ...config, loaded: config !== fallback };
}
