// @vitest-environment happy-dom
/**
 * The publish form's check, headless and rendered: every problem at once, each naming its field in the page's
 * language; dates typed DD/MM/YYYY; a valid form sends one publish input; Escape cancels.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { checkDecisionDraft, EMPTY_DRAFT, type DecisionDraft } from '../../editor/publish/decisionDraft.ts';
import { PublishForm } from '../../editor/publish/PublishForm.tsx';
import type { PublishInput } from '../../editor/workspace/commands/publishCommands.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const GOOD: DecisionDraft = {
  kind: 'quyet-dinh', number: '10-QĐ/TU', issuedBy: 'Tỉnh ủy Lào Cai', signer: '', title: 'Quy định thực hiện',
  signedOn: '2025-11-28', appliesFrom: '2025-12-01', appliesUntil: '', summary: 'Tóm tắt', source: 'issue 22',
};
const carried = builtinDocuments().rulesets.find((r) => r.id === '350-qd-tw')!.decisions!;

describe('the publish form’s check (headless)', () => {
  it('accepts a complete decision and makes its id from the number', () => {
    const r = checkDecisionDraft({ ...GOOD, number: ' 10-QĐ/TU ' }, carried);
    expect(r).toEqual({ decision: { id: '10-qd-tu', kind: 'quyet-dinh', number: '10-QĐ/TU', issuedBy: 'Tỉnh ủy Lào Cai', title: 'Quy định thực hiện', signedOn: '2025-11-28', appliesFrom: '2025-12-01', summary: 'Tóm tắt', source: 'issue 22' } });
  });

  it('names every missing field, in Vietnamese and English', () => {
    const r = checkDecisionDraft(EMPTY_DRAFT, carried);
    expect('problems' in r && r.problems.map((p) => p.field)).toEqual(['number', 'issuedBy', 'title', 'signedOn', 'appliesFrom', 'summary', 'source']);
    if (!('problems' in r)) return;
    expect(r.problems[0]!.message).toEqual({ vi: 'Số hiệu: chưa nhập.', en: 'Number: not filled in.' });
    expect(r.problems[3]!.message.vi).toBe('Ngày ký: chưa nhập.');
  });

  it('refuses applies-from before signing, in DD/MM/YYYY, naming the field', () => {
    const r = checkDecisionDraft({ ...GOOD, appliesFrom: '2025-11-20' }, carried);
    expect(r).toEqual({ problems: [{ field: 'appliesFrom', message: {
      vi: 'Áp dụng từ ngày (20/11/2025) sớm hơn ngày ký (28/11/2025): văn bản không áp dụng trước khi ký.',
      en: 'Applies from (20/11/2025) is before the signing date (28/11/2025): an act does not apply before it is signed.',
    } }] });
  });

  it('refuses an end date not after the start', () => {
    const r = checkDecisionDraft({ ...GOOD, appliesUntil: '2025-12-01' }, carried);
    expect('problems' in r && r.problems[0]!.message.en).toBe('Applies until (optional) (01/12/2025) must be after the date it applies from (01/12/2025).');
  });

  it.each(['10 QĐ/TU', '10-qđ/tu', '10-QĐ', 'QĐ/TU-10'])('refuses the number %s with the pattern’s example', (number) => {
    const r = checkDecisionDraft({ ...GOOD, number }, carried);
    expect('problems' in r && r.problems.map((p) => p.field)).toEqual(['number']);
    if ('problems' in r) expect(r.problems[0]!.message.vi).toMatch(/^Số hiệu: số hiệu văn bản không đúng dạng .*10-QĐ\/TU/);
  });

  it('sends a number the document already carries to the list of its decisions', () => {
    const r = checkDecisionDraft({ ...GOOD, number: '350-QĐ/TW' }, carried);
    expect('problems' in r && r.problems[0]!.message.en).toBe('Number: this act is already in the document — pick it under “Act”.');
  });
});

async function renderForm(lang: 'vi' | 'en', versioned?: boolean) {
  const sent: PublishInput[] = [];
  let cancelled = 0;
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => {
    root.render(<PublishForm name="350-qd-tw" carried={carried} revision={1} lang={lang} {...(versioned === undefined ? {} : { versioned })}
      onPublish={(i) => { sent.push(i); return true; }} onCancel={() => { cancelled++; }} />);
  });
  const type = async (testId: string, value: string) => {
    const el = host.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid=${testId}]`)!;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
    await act(async () => { setter.call(el, value); el.dispatchEvent(new Event('input', { bubbles: true })); });
  };
  const submit = async () => { await act(async () => { host.querySelector<HTMLButtonElement>('[data-testid=publish-submit]')!.click(); }); };
  return { host, sent, cancelled: () => cancelled, type, submit, unmount: () => act(async () => root.unmount()) };
}

describe('the publish form (rendered)', () => {
  it('lists the problems in English on an English page and sends nothing', async () => {
    const f = await renderForm('en');
    await f.type('publish-number', '10 QĐ/TU');
    await f.type('publish-signedOn', '28/11/2025');
    await f.type('publish-appliesFrom', '20/11/2025');
    await f.submit();
    const items = [...f.host.querySelectorAll('[data-testid=publish-problems] li')].map((li) => li.textContent);
    expect(items[0]).toMatch(/^Number: the act's number is not in the form/);
    expect(items).toContain('Applies from (20/11/2025) is before the signing date (28/11/2025): an act does not apply before it is signed.');
    expect(items).toContain('Issued by: not filled in.');
    expect(f.sent).toEqual([]);
    expect(f.host.querySelector('[data-testid=publish-number]')!.getAttribute('aria-invalid')).toBe('true');
    await f.unmount();
  });

  it('sends one publish input for a complete decision typed in DD/MM/YYYY, and closes', async () => {
    const f = await renderForm('vi');
    await f.type('publish-number', '10-QĐ/TU');
    await f.type('publish-issuedBy', 'Tỉnh ủy Lào Cai');
    await f.type('publish-title', 'Quy định thực hiện');
    await f.type('publish-signedOn', '28/11/2025');
    await f.type('publish-appliesFrom', '01/12/2025');
    await f.type('publish-summary', 'Tóm tắt');
    await f.type('publish-source', 'issue 22');
    await f.submit();
    expect(f.host.querySelector('[data-testid=publish-problems]')).toBeNull();
    expect(f.sent).toHaveLength(1);
    expect(f.sent[0]!.under).toEqual({ decision: expect.objectContaining({ id: '10-qd-tu', signedOn: '2025-11-28', appliesFrom: '2025-12-01' }) });
    expect(f.sent[0]!.name).toBe('Bản 1');
    expect(f.sent[0]!.on).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(f.cancelled()).toBe(1);
    await f.unmount();
  });

  it('asks for a version name only for a document that keeps versions (a ruleset, not a lifecycle or a plan)', async () => {
    const ruleset = await renderForm('vi');
    expect(ruleset.host.querySelector('[data-testid=publish-version-name]')).not.toBeNull();
    await ruleset.unmount();
    const lifecycle = await renderForm('vi', false);
    expect(lifecycle.host.querySelector('[data-testid=publish-version-name]')).toBeNull();
    expect(lifecycle.host.querySelector('[data-testid=publish-note]')).not.toBeNull();
    await lifecycle.unmount();
  });

  it('cancels on Escape', async () => {
    const f = await renderForm('vi');
    const input = f.host.querySelector<HTMLInputElement>('[data-testid=publish-number]')!;
    await act(async () => { input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); });
    expect(f.cancelled()).toBe(1);
    await f.unmount();
  });
});
