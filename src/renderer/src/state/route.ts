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

/** A parameter of the hash's query part: `#/p/x/backlog?story=st-1` → `story` = `st-1`. */
export function hashParam(hash: string, name: string): string | null {
  const query = hash.indexOf('?');
  if (query < 0) return null;
  return new URLSearchParams(hash.slice(query + 1)).get(name);
}

/** `hashParam` of the current location, kept up to date. */
export function useHashParam(name: string): string | null {
  const [value, setValue] = useState(() => hashParam(window.location.hash, name));
  useEffect(() => {
    const onChange = () => setValue(hashParam(window.location.hash, name));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [name]);
  return value;
}
