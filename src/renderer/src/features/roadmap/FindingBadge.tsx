import type { RoadmapFinding } from '../../../../shared/roadmap/checks';
import { CHECKS } from '../../../../shared/roadmap/checks';

/**
 * A small warning badge on a card or a bar. It is decoration for sighted users (the messages are in
 * the item's description for screen readers), with the messages as a tooltip.
 */
export function FindingBadge({ findings, compact = false }: { findings: readonly RoadmapFinding[]; compact?: boolean }) {
  const tooltip = findings.map((f) => `${CHECKS[f.code].title}: ${f.message}`).join('\n');
  return (
    <span className={`rm-badge${compact ? ' compact' : ''}`} title={tooltip} aria-hidden="true">
      <span className="rm-badge-icon">!</span>
      {compact ? findings.length : findings.length === 1 ? CHECKS[findings[0]?.code ?? 'no-goal'].title : `${findings.length} warnings`}
    </span>
  );
}
