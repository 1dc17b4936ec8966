/**
 * "Độ phủ quy định" (Regulation coverage): the outline of the regulation being edited as a tree, each provision with
 * its mark (tested, encoded, assumed, not encoded), a filter by mark, the chosen provision's quotation, sources and
 * rules (choosing one selects its rules on the canvas), and the provisions of the rule selected on the canvas.
 * Computed by the page from the workspace's current ruleset, so it follows every edit.
 */
import { useId, useState, type ReactNode } from 'react';
import { PROVISION_STATUSES, provisionsOfRule, type Coverage, type ProvisionCoverage, type ProvisionStatus } from '../../engine/coverage/buildCoverage.ts';
import { COVERAGE_STATUS_LABELS, COVERAGE_STATUS_MARKS, provisionNumber } from '../../engine/coverage/provisionNumber.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import type { RegulationOutline } from '../../engine/documents/regulationOutline.ts';
import type { Lang } from '../i18n/strings.ts';
import './coverage.css';
import { text } from '../i18n/text.ts';

export interface CoveragePanelProps {
  coverage: Coverage | undefined;
  outline: RegulationOutline | undefined;
  /** The ruleset's document id (named when it has no outline). */
  rulesetId: string;
  lang: Lang;
  /** The provision chosen last (its detail is shown). */
  pickedKey: string | undefined;
  /** The document id of the rule selected on the canvas, if any. */
  selectedRule: string | undefined;
  onPickProvision: (key: string) => void;
  onSelectRule: (ruleId: string) => void;
}

type Filter = ProvisionStatus | 'all';

export function CoveragePanel({ coverage, outline, rulesetId, lang, pickedKey, selectedRule, onPickProvision, onSelectRule }: CoveragePanelProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const treeId = useId();
  if (!coverage || !outline) return <p className="muted" data-testid="coverage-none">{text(lang, 'coverage.noOutline', { id: rulesetId })}</p>;

  const byKey = new Map(coverage.provisions.map((p) => [p.provision.key, p]));
  const matches = (p: ProvisionCoverage) => filter === 'all' || p.status === filter;
  const shown = (p: ProvisionCoverage): boolean => matches(p) || p.children.some((k) => shown(byKey.get(k)!));
  const roots = coverage.provisions.filter((p) => p.parent === undefined && shown(p));
  const picked = pickedKey ? byKey.get(pickedKey) : undefined;
  const sources = new Map(outline.sources.map((s) => [s.id, s]));
  const ruleById = new Map(coverage.rules.map((r) => [r.rule, r]));
  const total = coverage.provisions.filter((p) => p.status !== 'group').length;

  const item = (p: ProvisionCoverage) => {
    const v = p.provision;
    const number = provisionNumber(v, lang);
    const kids = p.children.map((k) => byKey.get(k)!).filter(shown);
    return (
      <li key={v.key} className={matches(p) ? undefined : 'context'}>
        <button type="button" className="coverage-item" data-testid="coverage-provision" data-key={v.key} data-status={p.status}
          aria-pressed={pickedKey === v.key} onClick={() => onPickProvision(v.key)}>
          <span className={`coverage-mark ${p.status}`} aria-hidden="true">{COVERAGE_STATUS_MARKS[p.status]}</span>
          <span className="coverage-label">{v.label[lang]}</span>
          {p.status !== 'group' && <span className={`coverage-status ${p.status}`}>{COVERAGE_STATUS_LABELS[p.status][lang]}</span>}
          {number && <span className="coverage-number">{number}</span>}
        </button>
        {kids.length > 0 && <ul>{kids.map(item)}</ul>}
      </li>
    );
  };

  const ruleLink = (id: string) => (
    <button key={id} type="button" className="link" data-testid="coverage-rule-link" data-rule={id} onClick={() => onSelectRule(id)}>{id}</button>
  );

  return (
    <div className="coverage" data-testid="coverage" data-ruleset={coverage.ruleset}>
      <p className="coverage-counts" data-testid="coverage-counts">
        {PROVISION_STATUSES.map((s) => (
          <span key={s} className={s} data-status={s} data-count={coverage.counts[s]}>
            <span aria-hidden="true">{COVERAGE_STATUS_MARKS[s]}</span> {COVERAGE_STATUS_LABELS[s][lang]}: <strong>{coverage.counts[s]}</strong>
          </span>
        ))}
        <span className="muted">{text(lang, 'coverage.summary', { cases: coverage.cases })}</span>
      </p>
      <div className="coverage-filter" role="group" aria-label={text(lang, 'coverage.filter')} aria-controls={treeId}>
        {(['all', ...PROVISION_STATUSES] as const).map((f) => (
          <button key={f} type="button" data-testid="coverage-filter" data-filter={f} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {f === 'all' ? `${text(lang, 'coverage.all')} (${total})` : `${COVERAGE_STATUS_MARKS[f]} ${COVERAGE_STATUS_LABELS[f][lang]} (${coverage.counts[f]})`}
          </button>
        ))}
      </div>
      {selectedRule && <SelectedRule coverage={coverage} rule={selectedRule} lang={lang} onPickProvision={onPickProvision} />}
      <div className="coverage-body">
        <nav aria-label={text(lang, 'coverage.outline', { code: coverage.regulation })}>
          {roots.length === 0 ? <p className="muted">{text(lang, 'coverage.nothingMatches')}</p> : (
            <ul className="coverage-tree" id={treeId} data-testid="coverage-tree">{roots.map(item)}</ul>
          )}
        </nav>
        <section className="coverage-detail" data-testid="coverage-detail" aria-live="polite" aria-label={picked ? picked.provision.label[lang] : text(lang, 'coverage.pickHint')}>
          {!picked ? <p className="muted">{text(lang, 'coverage.pickHint')}</p> : (
            <>
              <h3><span className={`coverage-mark ${picked.status}`} aria-hidden="true">{COVERAGE_STATUS_MARKS[picked.status]}</span> {picked.provision.label[lang]}</h3>
              <dl>
                <dt>{text(lang, 'coverage.key')}</dt><dd><code>{picked.provision.key}</code></dd>
                <dt>{text(lang, 'coverage.number')}</dt><dd>{provisionNumber(picked.provision, lang) ?? text(lang, 'coverage.noNumber')}</dd>
                <dt>{text(lang, 'coverage.quote')}</dt>
                <dd data-testid="coverage-quote">{picked.provision.quote ? <q lang="vi">{picked.provision.quote}</q> : <span className="muted">{text(lang, 'coverage.noQuote')}</span>}</dd>
                <dt>{text(lang, 'coverage.confidence')}</dt><dd>{LABELS.confidence[picked.provision.confidence][lang]}</dd>
                {picked.provision.sources.length > 0 && (<>
                  <dt>{text(lang, 'coverage.sources')}</dt>
                  <dd><ul className="coverage-sources">{picked.provision.sources.map((id) => {
                    const s = sources.get(id);
                    return <li key={id} lang="vi">{s?.address?.startsWith('https://') ? <a href={s.address} target="_blank" rel="noreferrer">{s.title}</a> : (s?.title ?? id)}{s?.date ? ` (${s.date})` : ''}</li>;
                  })}</ul></dd>
                </>)}
                {picked.provision.note && (<><dt>{text(lang, 'coverage.note')}</dt><dd lang="vi">{picked.provision.note}</dd></>)}
                <dt>{text(lang, 'coverage.encodedBy')}</dt>
                <dd>
                  {picked.rules.length > 0 ? (
                    <ul className="coverage-rules">{picked.rules.map((id) => {
                      const r = ruleById.get(id)!;
                      return (
                        <li key={id} data-testid="coverage-encoding-rule" data-rule={id}>
                          {ruleLink(id)} — {r.title[lang]} <span className="muted">({LABELS.confidence[r.confidence][lang]}; {text(lang, 'coverage.cases', { passed: r.passedIn.length, failed: r.failedIn.length })})</span>
                        </li>
                      );
                    })}</ul>
                  ) : picked.provision.scopeOnly ? text(lang, 'coverage.encodedByData', { field: picked.provision.scopeOnly })
                    : picked.status === 'group' ? '—' : <span className="coverage-status not-encoded">{text(lang, 'coverage.notEncoded')}</span>}
                </dd>
              </dl>
            </>
          )}
        </section>
      </div>
      <Attention coverage={coverage} lang={lang} ruleLink={ruleLink} />
    </div>
  );
}

/** The provisions of the rule selected on the canvas, with their quotation. */
function SelectedRule({ coverage, rule, lang, onPickProvision }: { coverage: Coverage; rule: string; lang: Lang; onPickProvision: (key: string) => void }) {
  const r = coverage.rules.find((x) => x.rule === rule);
  if (!r) return null;
  const provisions = provisionsOfRule(coverage, rule);
  return (
    <section className="coverage-selected-rule" data-testid="coverage-rule" data-rule={rule}>
      {!r.inScope ? <p>{text(lang, 'coverage.ruleOutOfScope', { rule })}</p>
        : provisions.length === 0 ? <p className="coverage-status not-encoded">{text(lang, 'coverage.ruleCitesNone', { rule })}{r.unknownProvisions.length > 0 && <> ({r.unknownProvisions.map((k) => <code key={k}>{k} </code>)})</>}</p>
          : (
            <>
              <p><strong>{text(lang, 'coverage.ruleEncodes', { rule })}:</strong></p>
              <ul>{provisions.map((p) => (
                <li key={p.provision.key} data-testid="coverage-rule-provision" data-key={p.provision.key}>
                  <button type="button" className="link" onClick={() => onPickProvision(p.provision.key)}>{p.provision.label[lang]}</button>
                  {provisionNumber(p.provision, lang) && <span className="coverage-number"> · {provisionNumber(p.provision, lang)}</span>}
                  {p.provision.quote && <> — <q lang="vi">{p.provision.quote}</q></>}
                </li>
              ))}</ul>
            </>
          )}
    </section>
  );
}

/** Rules citing nothing or an unknown key, and rules without a golden case either way. */
function Attention({ coverage, lang, ruleLink }: { coverage: Coverage; lang: Lang; ruleLink: (id: string) => ReactNode }) {
  const groups = [
    { key: 'uncited', label: text(lang, 'coverage.uncited'), items: coverage.uncitedRules.map((id) => <li key={id}>{ruleLink(id)}</li>) },
    { key: 'unknown', label: text(lang, 'coverage.unknown'), items: coverage.unknownCitations.map((u) => <li key={`${u.rule}:${u.key}`}>{ruleLink(u.rule)} → <code>{u.key}</code></li>) },
    { key: 'untested', label: text(lang, 'coverage.untested'), items: coverage.untestedRules.map((u) => (
      <li key={u.rule}>{ruleLink(u.rule)} ({u.missing.map((m) => text(lang, m === 'passing' ? 'coverage.missingPassing' : 'coverage.missingFailing')).join(', ')})</li>
    )) },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <div className="coverage-attention">
      {groups.map((g) => (
        <details key={g.key} data-testid={`coverage-${g.key}`}>
          <summary>{g.label} ({g.items.length})</summary>
          <ul>{g.items}</ul>
        </details>
      ))}
    </div>
  );
}
