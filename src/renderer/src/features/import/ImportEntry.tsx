/** The start screen's way in: "Import from Jira / Trello / CSV". */
import { requestImport } from './importRequests';
import './ImportEntry.css';

export function ImportEntry() {
  return (
    <div className="import-entry">
      <button type="button" onClick={() => requestImport()}>
        Import from Jira / Trello / CSV
      </button>
      <span className="muted">Practise on your team’s real backlog: a Jira CSV export or a Trello board’s JSON. You can also drop the file on this window.</span>
    </div>
  );
}
