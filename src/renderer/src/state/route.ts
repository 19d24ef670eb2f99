/** The app's location, kept in the URL hash so a reload returns to the same place. */
import { useEffect, useState } from 'react';

export const VIEWS = ['backlog', 'prioritize', 'roadmap', 'spec'] as const;
export type View = (typeof VIEWS)[number];

export type Route = { screen: 'start' } | { screen: 'product'; id: string; view: View };

export function parseRoute(hash: string): Route {
  const match = /^#\/p\/([a-z0-9-]+)(?:\/([a-z]+))?/.exec(hash);
  if (!match?.[1]) return { screen: 'start' };
  const view = VIEWS.find((v) => v === match[2]) ?? 'backlog';
  return { screen: 'product', id: match[1], view };
}

export function routeHash(route: Route): string {
  return route.screen === 'start' ? '#/' : `#/p/${route.id}/${route.view}`;
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
