/**
 * The dependency graph of roadmap items (`item.dependsOn` → the items it needs first): cycles,
 * reachability. Iterative, so a long chain in a big file cannot overflow the stack.
 */

export interface DependencyNode {
  id: string;
  dependsOn: readonly string[];
}

/**
 * Every dependency cycle: the strongly connected components with more than one item (or an item
 * that depends on itself), each listed in the order of `items`. Dependencies on unknown ids are
 * ignored. Tarjan's algorithm, iterative.
 */
export function dependencyCycles(items: readonly DependencyNode[]): string[][] {
  const position = new Map(items.map((item, i) => [item.id, i]));
  const edges = items.map((item) => item.dependsOn.map((id) => position.get(id)).filter((i): i is number => i !== undefined));
  const index = new Array<number>(items.length).fill(-1);
  const low = new Array<number>(items.length).fill(0);
  const onStack = new Array<boolean>(items.length).fill(false);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;

  for (let root = 0; root < items.length; root += 1) {
    if (index[root] !== -1) continue;
    // Each frame: the node and how many of its edges have been followed.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [v, next] = frame;
      const out = edges[v] ?? [];
      if (next < out.length) {
        frame[1] = next + 1;
        const w = out[next] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        const selfLoop = component.length === 1 && out.includes(v);
        if (component.length > 1 || selfLoop) cycles.push(component.sort((a, b) => a - b));
      }
    }
  }
  return cycles
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
    .map((component) => component.map((i) => items[i]?.id ?? ''));
}

/** Whether `from` depends on `to`, directly or through other items. */
export function dependsTransitively(items: readonly DependencyNode[], from: string, to: string): boolean {
  const byId = new Map(items.map((item) => [item.id, item]));
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (dep === to) return true;
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return false;
}

/** Whether making `itemId` depend on `dependencyId` would close a cycle (including depending on itself). */
export function wouldCreateCycle(items: readonly DependencyNode[], itemId: string, dependencyId: string): boolean {
  return itemId === dependencyId || dependsTransitively(items, dependencyId, itemId);
}
