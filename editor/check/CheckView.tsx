/**
 * Kiểm tra một cán bộ: one cadre (a sample or edited) checked against the workspace's rulesets on a nomination date,
 * with the verdict beside the forms. Loaded with its tab (App.tsx imports it dynamically).
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { builtinDocuments } from '../shipped/builtin.ts';
import type { CadreProfileInput, Nomination } from '../../engine/documents/cadre.ts';
import type { Position, Province } from '../../engine/documents/catalogue.ts';
import type { Checker } from '../../engine/rules/createChecker.ts';
import { useWorkspaceRecords } from '../shared/useWorkspaceRecords.ts';
import type { Lang } from '../i18n/strings.ts';
import { ErrorBoundary } from '../shared/ErrorBoundary.tsx';
import { workspaceSamples } from '../workspace/commands/sampleCommands.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import { CadreForm } from './CadreForm.tsx';
import { factsInPlay } from './factsInPlay.ts';
import { NominationForm } from './NominationForm.tsx';
import { OverlayChoice } from './OverlayChoice.tsx';
import { useOverlayChecker } from './useOverlayChecker.ts';
import type { Sample } from '../workspace/samples.ts';
import { useVerdict } from './useVerdict.ts';
import { VerdictPanel } from './VerdictPanel.tsx';
import { standingsByDocument, type RulesetStanding } from '../publish/publicationState.ts';
import { text } from '../i18n/text.ts';

/** What the check page reads from the workspace: its checker, and the catalogues the cadre form offers. */
export interface Workspace {
  checker: Checker;
  positions: readonly Position[];
  provinces: readonly Province[];
  /** Where the workspace's rulesets stand (published, draft, edited since publication), by document id. */
  standings?: ReadonlyMap<string, RulesetStanding>;
}

const docs = builtinDocuments();
const PROVINCES = [...docs.institutions.provinces].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

/** The check view on the workspace: its checker and its sample cadres. */
export function CheckView({ session, lang }: { session: WorkspaceSession; lang: Lang }) {
  const records = useWorkspaceRecords(session.store);
  // A provincial overlay chosen here applies to cadres of its province (view state, not saved).
  const [overlayId, setOverlayId] = useState('');
  const { checker, overlay, unusable } = useOverlayChecker(records, overlayId);
  const samples = workspaceSamples(records);
  const standings = useMemo(() => standingsByDocument(records), [records]);
  return <CheckPage workspace={{ checker, positions: docs.positions.positions, provinces: PROVINCES, standings }} samples={samples} lang={lang}
    overlayChoice={<OverlayChoice records={records} value={overlayId} onChange={setOverlayId} applied={overlay} unusable={unusable} lang={lang} />} />;
}

function CheckPage({ workspace, samples, lang, overlayChoice }: { workspace: Workspace; samples: readonly Sample[]; lang: Lang; overlayChoice?: ReactNode }) {
  const sampleId = useId();
  const first = samples[0]!;
  const [sample, setSample] = useState(first.id);
  const [profile, setProfile] = useState<CadreProfileInput>(first.profile);
  const [nomination, setNomination] = useState<Nomination>(first.nomination);
  const state = useVerdict(workspace.checker, profile, nomination);
  const resetKey = useMemo(() => ({ profile, nomination }), [profile, nomination]);
  const inForce = workspace.checker.rulesetOn(nomination.on);
  const facts = useMemo(() => factsInPlay(inForce?.rules ?? [], nomination.level), [inForce, nomination.level]);

  const pick = (id: string) => {
    const s = samples.find((x) => x.id === id);
    if (!s) return;
    setSample(id);
    setProfile(s.profile);
    setNomination(s.nomination);
  };

  return (
    <main className="layout">
      <div className="inputs inputs-top">
        <div className="card">
          <div className="field">
            <label htmlFor={sampleId}>{text(lang, 'page.sample')}</label>
            <select id={sampleId} data-testid="sample" value={sample} onChange={(e) => pick(e.target.value)}>
              {samples.map((s) => <option key={s.id} value={s.id}>{s.profile.fullName} — {s.title[lang]}</option>)}
            </select>
          </div>
        </div>
        {overlayChoice}
        <NominationForm nomination={nomination} onChange={setNomination} lang={lang}
          waivable={(workspace.checker.rulesetOn(nomination.on)?.rules ?? []).filter((r) => r.waivable === true).map((r) => ({ id: r.id, title: r.title }))} />
      </div>
      <section className="card result" aria-labelledby="result-heading">
        <h2 id="result-heading">{text(lang, 'page.result')}{profile.fullName ? `: ${profile.fullName}` : ''}</h2>
        <ErrorBoundary lang={lang} resetKey={resetKey}>
          <VerdictPanel state={state} nomination={nomination} lang={lang} standings={workspace.standings} />
        </ErrorBoundary>
      </section>
      <div className="inputs inputs-cadre">
        <CadreForm profile={profile} onChange={setProfile} nominationOn={nomination.on} facts={facts}
          positions={workspace.positions} provinces={workspace.provinces} lang={lang} />
      </div>
    </main>
  );
}
