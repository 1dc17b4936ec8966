/**
 * The check page's checker with a provincial overlay chosen: the workspace checker (useWorkspaceChecker) when none
 * is chosen or the chosen one has errors against its base, else a checker over the same rulesets with that overlay,
 * which the engine applies to a cadre of the overlay's province on a date its changes are in force.
 */
import { useMemo } from 'react';
import type { Overlay } from '../../engine/documents/overlay.ts';
import { createChecker, type Checker } from '../../engine/rules/createChecker.ts';
import { builtinDocuments } from '../shipped/builtin.ts';
import { useWorkspaceChecker } from '../shared/useWorkspaceChecker.ts';
import { rulesetsByDate } from '../workspace/analyseRuleset.ts';
import { recordOf, type RecordId, type Records } from '../workspace/records.ts';
import { readOverlayRecord } from '../workspace/workspaceOverlays.ts';

const docs = builtinDocuments();
const CATALOGUES = { positions: docs.positions, institutions: docs.institutions };

export interface OverlayChecker {
  checker: Checker;
  /** The overlay applied, when one is chosen and usable. */
  overlay?: Overlay;
  /** A chosen overlay that is not applied (errors against its base). */
  unusable: boolean;
}

/** `overlayId`: the overlay record chosen, `''` for none. */
export function useOverlayChecker(records: Records, overlayId: RecordId): OverlayChecker {
  const plain = useWorkspaceChecker(records);
  const record = overlayId === '' ? undefined : recordOf(records, overlayId, 'overlay');
  return useMemo(() => {
    if (!record) return { checker: plain, unusable: false };
    const rulesets = rulesetsByDate(records);
    const read = readOverlayRecord(record, rulesets, CATALOGUES);
    if (!read.usable || !read.overlay) return { checker: plain, unusable: true };
    const checker = createChecker({ rulesets, positions: docs.positions, institutions: docs.institutions, overlays: [read.overlay] });
    return { checker, overlay: read.overlay, unusable: false };
    // The checker follows `plain`, which changes exactly when the workspace's rulesets do.
  }, [plain, record]);
}
