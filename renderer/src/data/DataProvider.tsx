import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createQueryClient, followChangeFeed } from './queries';

/** The query cache for the whole window, kept current by the change feed (subscribed once, here). */
export function DataProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  useEffect(() => followChangeFeed(client), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
