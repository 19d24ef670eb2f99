/**
 * The import dialog: choose (or drop) a file, read it in the background with a progress bar, then
 * a preview — counts, skipped rows with reasons, warnings, the editable column and status
 * mappings, where it goes — and only then write: a new product (`product.saveCopy`) or one
 * undoable edit on the open product. A failed import changes nothing.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { EditError } from '../../../../shared/edits/applyEdit';
import { importIntoProductEdit, newProductColumns, planImport, resolveImport, SOURCE_LABELS } from '../../../../shared/import/applyImport';
import type { FieldMapping } from '../../../../shared/import/csvFields';
import { describeEncoding } from '../../../../shared/import/decode';
import { MAX_IMPORT_BYTES, type ImportPreview } from '../../../../shared/import/readImportFile';
import type { StatusMapping } from '../../../../shared/import/statusColumns';
import { DEFAULT_TRELLO_OPTIONS, type TrelloOptions } from '../../../../shared/import/trello';
import type { ImportResult } from '../../../../shared/import/types';
import { errorMessage } from '../../components/errors';
import { useClient } from '../../state/clientContext';
import type { DocumentStore } from '../../state/documentStore';
import { navigate } from '../../state/route';
import type { ReadOptions } from './importProtocol';
import { CsvColumnMapping, StatusMappingTable } from './MappingTables';
import type { RunningTask } from '../../workers/backgroundWorker';
import { buildInBackground, readInBackground } from './runImportTask';
import './ImportDialog.css';
import { LIMITS } from '../../../../shared/model/limits';

export type Destination = 'new' | 'open';

interface LoadedFile {
  name: string;
  bytes: ArrayBuffer;
}

function tooBig(file: File): string | null {
  return file.size > MAX_IMPORT_BYTES ? `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; files up to 50 MB can be imported.` : null;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

const KIND_LABELS: Record<ImportPreview['kind'], string> = {
  jira: 'Jira CSV export',
  trello: 'Trello board (JSON)',
  csv: 'CSV file',
  product: 'Product file',
};

export function ImportDialog({
  initialFile,
  store,
  defaultDestination,
  onClose,
  onImported,
}: {
  initialFile: File | null;
  store: DocumentStore | null;
  defaultDestination: Destination;
  onClose: () => void;
  onImported: (message: string) => void;
}) {
  const client = useClient();
  const ref = useRef<HTMLDialogElement | null>(null);
  const id = useId();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [options, setOptions] = useState<ReadOptions>({ kind: null, trello: DEFAULT_TRELLO_OPTIONS, mapping: null });
  const [progress, setProgress] = useState<number | null>(() => (initialFile && !tooBig(initialFile) ? 0 : null));
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(() => (initialFile ? tooBig(initialFile) : null));
  const [destination, setDestination] = useState<Destination>(store ? defaultDestination : 'new');
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef<RunningTask<unknown> | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => running.current?.cancel();
  }, []);

  const load = useCallback(async (picked: File) => {
    setPreview(null);
    setError(tooBig(picked));
    if (tooBig(picked)) return;
    setProgress(0);
    try {
      const bytes = await picked.arrayBuffer();
      setOptions({ kind: null, trello: DEFAULT_TRELLO_OPTIONS, mapping: null });
      setName(null);
      setFile({ name: picked.name, bytes });
    } catch (e) {
      setProgress(null);
      setError(`The file could not be read: ${errorMessage(e)}`);
    }
  }, []);

  // A dropped file: read its bytes once (the initial state already shows the progress bar).
  useEffect(() => {
    if (!initialFile || tooBig(initialFile)) return;
    let live = true;
    initialFile.arrayBuffer().then(
      (bytes) => live && setFile({ name: initialFile.name, bytes }),
      (e: unknown) => {
        if (!live) return;
        setProgress(null);
        setError(`The file could not be read: ${errorMessage(e)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [initialFile]);

  // Read (again) whenever the file or the reading options change.
  useEffect(() => {
    if (!file) return;
    running.current?.cancel();
    const task = readInBackground({ fileName: file.name, bytes: file.bytes, options }, (f) => setProgress(f));
    running.current = task;
    task.promise.then(
      (p) => {
        setPreview(p);
        setProgress(null);
        setError(null);
      },
      (e: unknown) => {
        setProgress(null);
        setPreview(null);
        setError(errorMessage(e));
      },
    );
    return () => task.cancel();
  }, [file, options]);

  const openProduct = store?.getSnapshot().product ?? null;
  const into = destination === 'open' && openProduct ? openProduct : null;
  const result: ImportResult | null = preview && preview.kind !== 'product' ? preview.result : null;
  const plan = useMemo(() => (result ? planImport(result, into) : null), [result, into]);
  const [override, setOverride] = useState<{ plan: typeof plan; mapping: StatusMapping } | null>(null);
  const mapping = useMemo(() => (plan ? (override && override.plan === plan ? override.mapping : plan.mapping) : []), [plan, override]);
  const resolved = useMemo(() => {
    if (!result || !plan) return null;
    const target = into ? { columns: into.board.columns, epics: into.epics, stories: into.stories } : { columns: newProductColumns(result), epics: [], stories: [] };
    try {
      return resolveImport(target, result, plan, mapping);
    } catch {
      return null;
    }
  }, [result, plan, mapping, into]);

  const productName = name ?? (preview?.kind === 'product' ? preview.product.name : (result?.suggestedName ?? ''));
  const storyCount = preview?.kind === 'product' ? preview.product.stories.length : (result?.stories.length ?? 0);

  const close = () => ref.current?.close();

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      if (preview.kind === 'product') {
        const { id: newId } = await client.api['product.saveCopy']({ product: preview.product, name: productName.trim() || preview.product.name });
        onImported(`Imported “${productName.trim() || preview.product.name}”.`);
        close();
        navigate({ screen: 'product', id: newId, view: 'backlog' });
        return;
      }
      if (!result) return;
      if (into && store) {
        // Let the busy state paint before a large batch is applied.
        await new Promise((r) => setTimeout(r, 0));
        const edit = importIntoProductEdit(store.getSnapshot().product, result, mapping);
        store.dispatch(edit, edit.label);
        onImported(`Imported ${plural(result.stories.length, 'story', 'stories')} into “${store.getSnapshot().product.name}”. Undo takes it all back in one step.`);
        close();
        return;
      }
      const task = buildInBackground({ result, name: productName, mapping });
      running.current = task;
      const product = await task.promise;
      const { id: newId } = await client.api['product.saveCopy']({ product, name: product.name });
      onImported(`Imported ${plural(result.stories.length, 'story', 'stories')} from ${SOURCE_LABELS[result.source]} into the new product “${product.name}”.`);
      close();
      navigate({ screen: 'product', id: newId, view: 'backlog' });
    } catch (e) {
      setError(e instanceof EditError ? `The import could not be applied, so nothing was changed: ${e.message}` : `Nothing was imported: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const reading = progress !== null;
  const encodingNote = preview ? describeEncoding(preview.kind === 'product' ? preview.encoding : preview.result.encoding) : null;

  return (
    <dialog
      ref={ref}
      className="dialog import-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={onClose}
      onCancel={(e) => {
        if (busy) e.preventDefault();
      }}
    >
      <header className="import-header">
        <h2 id={`${id}-title`}>Import a backlog</h2>
        <p id={`${id}-intro`} className="muted">
          A Jira CSV export, a Trello board’s JSON export, any CSV of stories, or a product file. Nothing is written until you confirm the preview.
        </p>
      </header>

      <div className="import-body">
        <div className="import-file-row">
          <label className="import-file-button">
            {file ? 'Choose another file…' : 'Choose a file…'}
            <input
              type="file"
              className="visually-hidden"
              aria-label="File to import"
              accept=".csv,.json,.txt,text/csv,application/json"
              disabled={busy}
              onChange={(e) => {
                const picked = e.target.files?.[0];
                e.target.value = '';
                if (picked) void load(picked);
              }}
            />
          </label>
          {file ? (
            <span className="import-file-name">
              <strong>{file.name}</strong>
              {preview && <span className="muted"> · {KIND_LABELS[preview.kind]}</span>}
            </span>
          ) : (
            <span className="muted">or drop it anywhere on this window.</span>
          )}
          {preview && !reading && (preview.kind === 'jira' || preview.kind === 'csv') && (
            <span className="import-readas">
              <label htmlFor={`${id}-kind`}>Read as</label>
              <select id={`${id}-kind`} value={preview.kind} disabled={busy} onChange={(e) => setOptions((o) => ({ ...o, kind: e.target.value === 'jira' ? 'jira' : 'csv', mapping: null }))}>
                <option value="jira">Jira export</option>
                <option value="csv">Other CSV (map the columns)</option>
              </select>
            </span>
          )}
        </div>

        {!file && !reading && (
          <details className="import-help">
            <summary>Where do I get the file?</summary>
            <ul>
              <li>
                <strong>Jira:</strong> in the issue search (Filters → your filter), choose Export → “Export CSV (all fields)” or “(current fields)”. Cloud and Server / Data Center both work.
              </li>
              <li>
                <strong>Trello:</strong> board menu → Print, export and share → Export as JSON.
              </li>
              <li>
                <strong>Any CSV:</strong> one story per row with a header row; you map the columns next.
              </li>
            </ul>
          </details>
        )}

        {reading && (
          <div className="import-progress" role="status">
            <label htmlFor={`${id}-progress`}>Reading {file?.name ?? 'the file'}…</label>
            <progress id={`${id}-progress`} max={1} value={progress ?? 0} aria-valuetext={`${Math.round((progress ?? 0) * 100)}%`} />
            <span className="muted">{Math.round((progress ?? 0) * 100)}%</span>
          </div>
        )}

        {error && (
          <p role="alert" className="banner banner-error import-error">
            {error}
          </p>
        )}

        {preview && !reading && (
          <div className="import-preview">
            {encodingNote && <p className="banner banner-warning import-encoding">{encodingNote}</p>}

            <Summary preview={preview} resolved={resolved} into={into !== null} />

            {preview.kind === 'trello' && <TrelloChoices value={options.trello} onChange={(trello) => setOptions((o) => ({ ...o, trello }))} />}

            {preview.kind === 'csv' && (
              <CsvColumnMapping header={preview.header} samples={preview.samples} mapping={preview.mapping} onChange={(m: FieldMapping) => setOptions((o) => ({ ...o, mapping: m }))} />
            )}

            {result && plan && result.statuses.length > 0 && (
              <>
                <StatusMappingTable
                  statuses={result.statuses}
                  options={plan.options}
                  mapping={mapping}
                  noun={result.source === 'trello' ? 'List' : 'Status'}
                  onChange={(status, columnId) => setOverride({ plan, mapping: mapping.map((e) => (e.sourceStatus === status ? { ...e, columnId } : e)) })}
                />
                {resolved && (
                  <p className="muted import-columns">
                    Board after the import:{' '}
                    {resolved.columns.map((c, i) => (
                      <span key={c.id}>
                        {i > 0 && ' · '}
                        {c.name}
                        {resolved.addedColumns.some((a) => a.column.id === c.id) && <em className="import-new"> new</em>}
                      </span>
                    ))}
                  </p>
                )}
              </>
            )}

            {result && result.skipped.length > 0 && (
              <details className="import-section">
                <summary>
                  {plural(result.skipped.length, 'row', 'rows')} will be skipped — why
                </summary>
                <ul className="import-skipped">
                  {result.skipped.slice(0, 200).map((s, i) => (
                    <li key={i}>
                      <strong>{s.row !== null ? `Row ${s.row}` : s.ref}</strong>
                      {s.row !== null && s.ref !== `row ${s.row}` && <span className="muted"> ({s.ref})</span>}: {s.reason}
                    </li>
                  ))}
                  {result.skipped.length > 200 && <li className="muted">and {result.skipped.length - 200} more</li>}
                </ul>
              </details>
            )}

            {result && result.warnings.length > 0 && (
              <section className="import-section" aria-label="Warnings">
                <h3>Warnings</h3>
                <ul className="import-warnings">
                  {result.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </section>
            )}

            <fieldset className="import-destination" disabled={busy}>
              <legend>Import into</legend>
              <label className="radio">
                <input type="radio" name={`${id}-dest`} checked={destination === 'new'} onChange={() => setDestination('new')} />
                A new product
              </label>
              {openProduct && preview.kind !== 'product' && (
                <label className="radio">
                  <input type="radio" name={`${id}-dest`} checked={destination === 'open'} onChange={() => setDestination('open')} />
                  The open product, “{openProduct.name}” (one step you can undo)
                </label>
              )}
              {(destination === 'new' || preview.kind === 'product') && (
                <div className="field">
                  <label htmlFor={`${id}-name`}>Product name</label>
                  <input id={`${id}-name`} value={productName} maxLength={LIMITS.shortText} onChange={(e) => setName(e.target.value)} placeholder="Imported backlog" />
                </div>
              )}
            </fieldset>
          </div>
        )}
      </div>

      <div className="actions dialog-actions">
        {busy && (
          <span className="muted" role="status">
            Importing…
          </span>
        )}
        <button type="button" className="primary" disabled={!preview || reading || busy || (preview.kind !== 'product' && storyCount === 0) || (result !== null && !resolved)} onClick={() => void confirm()}>
          {preview?.kind === 'product' ? 'Import product' : `Import ${plural(storyCount, 'story', 'stories')}`}
        </button>
        <button type="button" onClick={close} disabled={busy}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

function Summary({ preview, resolved, into }: { preview: ImportPreview; resolved: ReturnType<typeof resolveImport> | null; into: boolean }) {
  if (preview.kind === 'product') {
    const p = preview.product;
    return (
      <ul className="import-summary" aria-label="Import summary">
        <li>
          <strong>{p.name}</strong>
        </li>
        <li>{plural(p.stories.length, 'story', 'stories')}</li>
        <li>{plural(p.epics.length, 'epic', 'epics')}</li>
        <li>{plural(p.board.columns.length, 'column', 'columns')}</li>
        {preview.migratedFrom !== null && <li>upgraded from format v{preview.migratedFrom}</li>}
      </ul>
    );
  }
  const { result } = preview;
  const newEpics = resolved ? resolved.epics.length : result.epics.length;
  return (
    <ul className="import-summary" aria-label="Import summary">
      <li>{plural(result.counts.stories, 'story', 'stories')}</li>
      <li>{plural(newEpics, 'epic', 'epics')}</li>
      {resolved && into && resolved.reusedEpics > 0 && <li>{plural(resolved.reusedEpics, 'epic', 'epics')} already in the product</li>}
      {resolved && <li>{plural(resolved.addedColumns.length, 'new column', 'new columns')}</li>}
      <li className={result.counts.skipped > 0 ? 'import-count-warn' : undefined}>{plural(result.counts.skipped, 'skipped row', 'skipped rows')}</li>
      {result.counts.blankRows > 0 && <li className="muted">{plural(result.counts.blankRows, 'blank row', 'blank rows')} ignored</li>}
    </ul>
  );
}

function TrelloChoices({ value, onChange }: { value: TrelloOptions; onChange: (v: TrelloOptions) => void }) {
  const id = useId();
  return (
    <fieldset className="import-section import-trello">
      <legend>Archived lists and cards</legend>
      <label className="radio">
        <input type="radio" name={`${id}-lists`} checked={value.archivedLists === 'skip'} onChange={() => onChange({ ...value, archivedLists: 'skip' })} />
        Leave archived lists out
      </label>
      <label className="radio">
        <input type="radio" name={`${id}-lists`} checked={value.archivedLists === 'column'} onChange={() => onChange({ ...value, archivedLists: 'column' })} />
        Import archived lists as a closed column
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={value.includeArchivedCards} onChange={(e) => onChange({ ...value, includeArchivedCards: e.target.checked })} />
        Include archived cards
      </label>
    </fieldset>
  );
}
