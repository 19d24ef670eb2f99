/** The editable parts of the import preview: the CSV column mapping and the status → column mapping. */
import { useId } from 'react';
import { CSV_FIELD_INFO, CSV_FIELDS, type CsvField, type FieldMapping } from '../../../../shared/import/csvFields';
import type { ColumnOption, StatusMapping } from '../../../../shared/import/statusColumns';
import type { SourceStatus } from '../../../../shared/import/types';

export function CsvColumnMapping({ header, samples, mapping, onChange }: { header: string[]; samples: string[]; mapping: FieldMapping; onChange: (mapping: FieldMapping) => void }) {
  const id = useId();
  return (
    <section className="import-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Columns</h3>
      <p className="muted">Guessed from the header row; change what each column becomes. A title column is required.</p>
      <div className="import-table-wrap scroll" tabIndex={0} role="region" aria-label="Columns in the file">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">First value</th>
              <th scope="col">Imported as</th>
            </tr>
          </thead>
          <tbody>
            {header.map((name, i) => (
              <tr key={i}>
                <th scope="row">{name || `Column ${i + 1}`}</th>
                <td className="muted import-sample">{samples[i] ?? ''}</td>
                <td>
                  <select
                    aria-label={`Import column “${name || `Column ${i + 1}`}” as`}
                    value={mapping[i] ?? ''}
                    onChange={(e) => {
                      const value = e.target.value;
                      const field = CSV_FIELDS.find((f) => f === value) ?? null;
                      onChange(header.map((_, j) => (j === i ? field : (mapping[j] ?? null))));
                    }}
                  >
                    <option value="">Not imported</option>
                    {CSV_FIELDS.map((f: CsvField) => (
                      <option key={f} value={f}>
                        {CSV_FIELD_INFO[f].label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function StatusMappingTable({
  statuses,
  options,
  mapping,
  noun,
  onChange,
}: {
  statuses: SourceStatus[];
  options: ColumnOption[];
  mapping: StatusMapping;
  noun: 'Status' | 'List';
  onChange: (sourceStatus: string, columnId: string) => void;
}) {
  const id = useId();
  const existing = options.filter((o) => !o.isNew);
  const created = options.filter((o) => o.isNew);
  const lookup = new Map(mapping.map((e) => [e.sourceStatus, e.columnId]));
  return (
    <section className="import-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{noun === 'List' ? 'Lists → board columns' : 'Statuses → board columns'}</h3>
      <div className="import-table-wrap">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">{noun} in the file</th>
              <th scope="col" className="num">
                Stories
              </th>
              <th scope="col">Board column</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                <td className="num">{s.count}</td>
                <td>
                  <select aria-label={`Board column for “${s.name}”`} value={lookup.get(s.name) ?? ''} onChange={(e) => onChange(s.name, e.target.value)}>
                    {existing.length > 0 && (
                      <optgroup label="Existing columns">
                        {existing.map((o) => (
                          <option key={o.column.id} value={o.column.id}>
                            {o.column.name}
                          </option>
                        ))}
                      </optgroup>
                    )}
                    <optgroup label="New columns">
                      {created.map((o) => (
                        <option key={o.column.id} value={o.column.id}>
                          New column “{o.column.name}”
                        </option>
                      ))}
                    </optgroup>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
