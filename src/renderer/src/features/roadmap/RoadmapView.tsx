// This component's stylesheet first: its parts' stylesheets, imported with them below, refine it.
import './RoadmapView.css';
import { useCallback, useState } from 'react';
import { roadmapFileName, roadmapHtml, roadmapMarkdown } from '../../../../shared/export/roadmap';
import { newId } from '../../../../shared/model/ids';
import type { Product } from '../../../../shared/model/schema';
import { todayIso, ZOOM_LEVELS, type ZoomLevel } from '../../../../shared/roadmap/dates';
import { SWIMLANE_MODES, type SwimlaneMode } from '../../../../shared/roadmap/grouping';
import { newRoadmapItemEdit } from '../../../../shared/roadmap/moves';
import { useExporter } from '../../components/exportFile';
import { TabList, useTabIds, type TabDef } from '../../components/Tabs';
import type { DocumentStore } from '../../state/documentStore';
import { BoardView } from './BoardView';
import { ChecksPanel } from './ChecksPanel';
import { ItemEditor } from './ItemEditor';
import { SWIMLANE_LABELS, ZOOM_LABELS } from './labels';
import { LanesPanel } from './LanesPanel';
import { TimelineView } from './TimelineView';
import { useRoadmapData } from './useRoadmapData';

type Tab = 'board' | 'timeline';
type Panel = { kind: 'none' } | { kind: 'checks' } | { kind: 'item'; id: string } | { kind: 'lanes' };

const TABS: readonly TabDef<Tab>[] = [
  { key: 'board', label: 'Now / Next / Later' },
  { key: 'timeline', label: 'Timeline' },
];

/** The view's own settings (tab, swimlanes, zoom) survive a reload; they are not part of the product. */
const SETTINGS_KEY = 'pm-practice.roadmap.view';

interface ViewSettings {
  tab: Tab;
  swimlanes: SwimlaneMode;
  zoom: ZoomLevel;
}

function loadSettings(): ViewSettings {
  const fallback: ViewSettings = { tab: 'board', swimlanes: 'none', zoom: 'months' };
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(SETTINGS_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return fallback;
    const r = raw as Record<string, unknown>;
    return {
      tab: TABS.find((t) => t.key === r['tab'])?.key ?? fallback.tab,
      swimlanes: SWIMLANE_MODES.find((m) => m === r['swimlanes']) ?? fallback.swimlanes,
      zoom: ZOOM_LEVELS.find((z) => z === r['zoom']) ?? fallback.zoom,
    };
  } catch {
    return fallback;
  }
}

function saveSettings(settings: ViewSettings): void {
  try {
    window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Private mode or storage full: the view still works, it just forgets.
  }
}

/**
 * The roadmap: Now / Next / Later board and timeline tabs, swimlanes, the checks summary, the item
 * editor, lanes and milestones, and the portfolio exports.
 */
export function RoadmapView({ store, product }: { store: DocumentStore; product: Product }) {
  const [today] = useState(() => todayIso());
  const data = useRoadmapData(product, today);
  const [settings, setSettings] = useState(loadSettings);
  const [panel, setPanel] = useState<Panel>({ kind: 'checks' });
  const [focusRequest, setFocusRequest] = useState<{ id: string; seq: number } | null>(null);
  const exporter = useExporter(store.id);
  const tabIds = useTabIds<Tab>();
  const [main, setMain] = useState<HTMLDivElement | null>(null);

  const change = (patch: Partial<ViewSettings>) => {
    // A pending "focus this item" belongs to the view it was made in, not to the next one.
    if (patch.tab !== undefined) setFocusRequest(null);
    setSettings((s) => {
      const next = { ...s, ...patch };
      saveSettings(next);
      return next;
    });
  };

  const openItem = useCallback((id: string) => setPanel({ kind: 'item', id }), []);
  const focusItem = useCallback((id: string) => {
    setPanel({ kind: 'item', id });
    setFocusRequest((prev) => ({ id, seq: (prev?.seq ?? 0) + 1 }));
  }, []);
  /** Focus an item in the current view without opening it (from the checks list). */
  const revealItem = useCallback((id: string) => {
    setFocusRequest((prev) => ({ id, seq: (prev?.seq ?? 0) + 1 }));
  }, []);

  const newItem = () => {
    const edit = newRoadmapItemEdit(product, 'next', 'New roadmap item', newId('rm'));
    store.dispatch(edit, 'Add roadmap item');
    setPanel({ kind: 'item', id: edit.item.id });
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.rm-panel input')?.select());
  };

  const exportAs = (kind: 'html' | 'md' | 'pdf') => {
    const fileName = roadmapFileName(product, kind);
    if (kind === 'md') void exporter.exportText(fileName, () => roadmapMarkdown(product, { today }));
    else if (kind === 'html') void exporter.exportText(fileName, () => roadmapHtml(product, { today }));
    else void exporter.exportPdf(fileName, () => roadmapHtml(product, { today }));
  };

  const selectedId = panel.kind === 'item' ? panel.id : null;
  const selected = selectedId ? data.items.get(selectedId) : undefined;
  const findingCount = data.findings.length;

  return (
    <div className="rm">
      <div className="rm-toolbar">
        <TabList label="Roadmap views" tabs={TABS} selected={settings.tab} onSelect={(tab) => change({ tab })} ids={tabIds} className="rm-tabs" />
        <label className="rm-select">
          Swimlanes
          <select value={settings.swimlanes} onChange={(e) => change({ swimlanes: SWIMLANE_MODES.find((m) => m === e.target.value) ?? 'none' })}>
            {SWIMLANE_MODES.map((m) => (
              <option key={m} value={m}>
                {SWIMLANE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        {settings.tab === 'timeline' && (
          <label className="rm-select">
            Zoom
            <select value={settings.zoom} onChange={(e) => change({ zoom: ZOOM_LEVELS.find((z) => z === e.target.value) ?? 'months' })}>
              {ZOOM_LEVELS.map((z) => (
                <option key={z} value={z}>
                  {ZOOM_LABELS[z]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="rm-primary" onClick={newItem}>
          New item
        </button>
        <div className="rm-toolbar-end">
          <button type="button" aria-pressed={panel.kind === 'checks'} onClick={() => setPanel(panel.kind === 'checks' ? { kind: 'none' } : { kind: 'checks' })}>
            Checks{findingCount > 0 && <span className="rm-pill-count">{findingCount}</span>}
          </button>
          <button type="button" aria-pressed={panel.kind === 'lanes'} onClick={() => setPanel(panel.kind === 'lanes' ? { kind: 'checks' } : { kind: 'lanes' })}>
            Lanes &amp; milestones
          </button>
          <div role="group" aria-label="Export roadmap" className="rm-export">
            <span className="rm-export-label" aria-hidden="true">
              Export
            </span>
            <button type="button" onClick={() => exportAs('html')} aria-label="Export roadmap as HTML">
              HTML
            </button>
            <button type="button" onClick={() => exportAs('md')} aria-label="Export roadmap as Markdown">
              Markdown
            </button>
            <button type="button" onClick={() => exportAs('pdf')} aria-label="Export roadmap as PDF">
              PDF
            </button>
          </div>
        </div>
      </div>
      {exporter.notice}
      <div className="rm-body">
        <div ref={setMain} className="rm-main" role="tabpanel" id={tabIds.panel} aria-labelledby={tabIds.tab(settings.tab)}>
          {settings.tab === 'board' ? (
            <BoardView store={store} product={product} data={data} mode={settings.swimlanes} selectedId={selectedId} onOpen={openItem} focusRequest={focusRequest} scrollArea={main} />
          ) : (
            <TimelineView
              store={store}
              product={product}
              data={data}
              mode={settings.swimlanes}
              zoom={settings.zoom}
              selectedId={selectedId}
              onOpen={openItem}
              focusRequest={focusRequest}
              onFocusItem={revealItem}
            />
          )}
        </div>
        {selected ? (
          <ItemEditor key={selected.id} store={store} product={product} data={data} item={selected} onClose={() => setPanel({ kind: 'checks' })} onFocusItem={focusItem} />
        ) : panel.kind === 'lanes' ? (
          <LanesPanel store={store} product={product} data={data} onClose={() => setPanel({ kind: 'checks' })} />
        ) : panel.kind === 'none' ? null : (
          <ChecksPanel data={data} onFocusItem={revealItem} />
        )}
      </div>
    </div>
  );
}
