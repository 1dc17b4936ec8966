/**
 * Every option of every command does what its help says. The cases are keyed by the CLI's own option table
 * (cli/commands/index.ts, each command's spec and the common options; for `lifecycle`, each sub-command), so an
 * option added without a case here fails the first test. Each case runs the real binary twice — without and with
 * the option — and the option must either change the result (exit code, stdout, stderr or the files written) or be
 * refused with a usage error (exit 2, pointing at the command's help). An option that is accepted and ignored
 * leaves the result unchanged and fails.
 *
 * Options whose help promises the same verdicts (`--engine`, `--workers`, `--batch-rows`) are checked through what
 * `--progress` reports: the evaluator, the threads and the batches actually used.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../cli/commands/index.ts';
import { allOptions } from '../../cli/parseArgs.ts';
import { ROOT, runLlct } from './runLlct.ts';
import { GOLDEN_PATH, goldenCases, revision1, revision2, RULESET_PATH, writeTree } from './reviewFixtures.ts';

type Expect = 'changes' | 'usage';
/** `args` runs with the option; `than` without it (the command's base by default). `{tmp}` is a fresh folder. */
interface Case { args: string[]; than?: string[]; expect: Expect }

const HANOI = 'fixtures/cadres/hanoi-2024-central-agencies.csv';
const MIXED = 'fixtures/cadres/sample-mixed.json';
const PLAN = 'fixtures/plans/ha-noi-2024.json';
const NOM = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01'];
const EVENTS = 'fixtures/lifecycle/class-full.events.json';
const BROKEN = 'fixtures/lifecycle/broken-class.lifecycle.json';
/** 57-QĐ/TW and 350-QĐ/TW with every trung cấp (intermediate) rule removed. */
const NO_INTERMEDIATE = ['--ruleset', 'fixtures/bad-input/no-intermediate-rules.ruleset.json', '--ruleset', 'fixtures/bad-input/no-intermediate-rules-350.ruleset.json'];

/** `base` with `--name`'s value replaced. */
function swap(base: readonly string[], name: string, value: string): string[] {
  const at = base.indexOf(`--${name}`);
  if (at < 0) throw new Error(`--${name} is not in the base`);
  return [...base.slice(0, at + 1), value, ...base.slice(at + 2)];
}
const add = (base: readonly string[], ...extra: string[]): string[] => [...base, ...extra];
const without = (base: readonly string[], name: string): string[] => {
  const at = base.indexOf(`--${name}`);
  return [...base.slice(0, at), ...base.slice(at + 2)];
};

/** The cases of the options every command takes, from its base. */
function common(base: string[]): Record<string, Case> {
  return { lang: { args: add(base, '--lang', 'en'), expect: 'changes' }, help: { args: add(base, '--help'), expect: 'changes' } };
}

const CHECK = ['check', '--cadres', HANOI, ...NOM, '--format', 'json'];
const LAO_CAI_OVERLAY = 'fixtures/overlays/lao-cai-10-qd-tu.illustrative.overlay.json';
const LAO_CAI_EXPLAIN = ['explain', '--cadres', 'fixtures/overlays/lao-cai-cadres.json', '--id', 'LC-A', '--level', 'intermediate', '--mode', 'part-time', '--on', '2026-03-02', '--format', 'json'];
const LAO_CAI_CHECK = ['check', '--cadres', 'fixtures/overlays/lao-cai-cadres.json', '--level', 'intermediate', '--mode', 'part-time', '--on', '2026-03-02', '--format', 'json'];
const VALIDATE = ['validate', '--format', 'json'];
const TEST = ['test', '--cases', 'fixtures/golden/57-qd-tw.cases.json', '--format', 'json'];
const EXPLAIN = ['explain', '--cadres', HANOI, '--id', 'HN-0018', ...NOM, '--format', 'json'];
const GENERATE = ['generate', '--count', '5', '--seed', '1'];
const DIFF = ['diff', '--cadres', HANOI, ...NOM, '--b', '350-qd-tw', '--format', 'json'];
const LC_VALIDATE = ['lifecycle', 'validate', '--format', 'json'];
const LC_REPLAY = ['lifecycle', 'replay', '--events', EVENTS, '--format', 'json'];
const LC_GRAPH = ['lifecycle', 'graph'];
const SIMULATE = ['simulate', '--plan', PLAN, '--runs', '2', '--generate', '40', '--workers', '0', '--format', 'json'];
const CALIBRATE = [...SIMULATE, '--calibrate', 'fixtures/plans/ha-noi-2024.observed.json', '--particles', '8', '--simulations', '16'];
const XLSX = 'fixtures/cadres/danh-sach-trich-ngang.xlsx';
const TEMPLATE = ['template', '--out', '{tmp}/mau.xlsx'];
const COVERAGE = ['coverage', '--regulation', '350-qd-tw', '--format', 'json'];
/** `{review}` holds three sides (reviewFixtures.ts): base, head (a published change) and draft (the same, unpublished). */
const REVIEW = ['review', '--base', '{review}/base', '--head', '{review}/head', '--format', 'json'];
const REVIEW_COHORT = add(REVIEW, '--cadres', HANOI);
const withProgress = (base: string[]) => add(base, '--progress');

/** Per command (and lifecycle sub-command), per option: the case that shows the option is honoured. */
const CASES: Record<string, { base: string[]; options: Record<string, Case> }> = {
  review: {
    base: REVIEW,
    options: {
      'base': { args: swap(REVIEW, 'base', '{review}/draft'), expect: 'changes' },
      'head': { args: swap(REVIEW, 'head', '{review}/draft'), expect: 'changes' },
      'cadres': { args: REVIEW_COHORT, expect: 'changes' },
      'level': { than: REVIEW_COHORT, args: add(REVIEW_COHORT, '--level', 'advanced'), expect: 'changes' },
      'mode': { than: REVIEW_COHORT, args: add(REVIEW_COHORT, '--mode', 'full-time'), expect: 'changes' },
      'on': { than: REVIEW_COHORT, args: add(REVIEW_COHORT, '--on', '2026-03-01'), expect: 'changes' },
      'format': { args: swap(REVIEW, 'format', 'markdown'), expect: 'changes' },
      'out': { args: add(REVIEW, '--out', '{tmp}/review.json'), expect: 'changes' },
      // The draft fails the review (exit 1); allowed, it passes with a warning.
      'allow-draft': { than: swap(REVIEW, 'head', '{review}/draft'), args: add(swap(REVIEW, 'head', '{review}/draft'), '--allow-draft'), expect: 'changes' },
      ...common(REVIEW),
      // The JSON carries both languages: --lang shows in the Markdown.
      'lang': { than: swap(REVIEW, 'format', 'markdown'), args: add(swap(REVIEW, 'format', 'markdown'), '--lang', 'en'), expect: 'changes' },
    },
  },
  coverage: {
    base: COVERAGE,
    options: {
      'regulation': { args: swap(COVERAGE, 'regulation', '57-qd-tw'), expect: 'changes' },
      'format': { args: swap(COVERAGE, 'format', 'table'), expect: 'changes' },
      // 350 rests on assumed provisions: exit 1.
      'fail-on': { args: add(COVERAGE, '--fail-on', 'assumed'), expect: 'changes' },
      // 350 without its trung cấp rules: those provisions are no longer encoded.
      'ruleset': { args: add(COVERAGE, '--ruleset', 'fixtures/bad-input/no-intermediate-rules-350.ruleset.json'), expect: 'changes' },
      // The same outline with one confirmed provision marked assumed.
      'outline': { args: add(COVERAGE, '--outline', 'fixtures/coverage/350-qd-tw.one-assumed.outline.json'), expect: 'changes' },
      // 57's cases only: no 350 rule has a golden case any more.
      'cases': { args: add(COVERAGE, '--cases', 'fixtures/golden/57-qd-tw.cases.json'), expect: 'changes' },
      ...common(COVERAGE),
      // The JSON carries both languages: --lang shows in the table.
      'lang': { args: add(swap(COVERAGE, 'format', 'table'), '--lang', 'en'), than: swap(COVERAGE, 'format', 'table'), expect: 'changes' },
    },
  },
  check: {
    base: CHECK,
    options: {
      'cadres': { args: swap(CHECK, 'cadres', MIXED), expect: 'changes' },
      'level': { args: swap(CHECK, 'level', 'elementary'), expect: 'changes' },
      'mode': { args: swap(CHECK, 'mode', 'full-time'), expect: 'changes' },
      'on': { args: swap(CHECK, 'on', '2026-03-01'), expect: 'changes' },
      'ruleset': { args: add(CHECK, '--ruleset', 'rulesets/350-qd-tw.json'), expect: 'changes' },
      // Lào Cai cadres after the illustrative overlay's changes apply: one of them fails the tightened age.
      'overlay': { than: LAO_CAI_CHECK, args: add(LAO_CAI_CHECK, '--overlay', LAO_CAI_OVERLAY), expect: 'changes' },
      'format': { args: swap(CHECK, 'format', 'csv'), expect: 'changes' },
      'input-format': { args: add(CHECK, '--input-format', 'json'), expect: 'changes' },
      'sheet': { than: swap(CHECK, 'cadres', XLSX), args: add(swap(CHECK, 'cadres', XLSX), '--sheet', '2'), expect: 'changes' },
      'out': { args: add(CHECK, '--out', '{tmp}/results.json'), expect: 'changes' },
      'encoding': { args: add(CHECK, '--encoding', 'latin1'), expect: 'changes' },
      'engine': { than: withProgress(CHECK), args: add(withProgress(CHECK), '--engine', 'reference'), expect: 'changes' },
      'workers': { than: withProgress(CHECK), args: add(withProgress(CHECK), '--workers', '1'), expect: 'changes' },
      'batch-rows': { than: withProgress(CHECK), args: add(withProgress(CHECK), '--batch-rows', '20'), expect: 'changes' },
      'progress': { args: add(CHECK, '--progress'), expect: 'changes' },
      ...common(CHECK),
    },
  },
  validate: {
    base: VALIDATE,
    options: {
      ruleset: { args: add(VALIDATE, '--ruleset', 'fixtures/bad-input/no-elementary-rules.ruleset.json'), expect: 'changes' },
      overlay: { args: add(VALIDATE, '--overlay', 'fixtures/bad-input/stale-base.overlay.json'), expect: 'changes' },
      format: { args: swap(VALIDATE, 'format', 'table'), expect: 'changes' },
      ...common(VALIDATE),
    },
  },
  test: {
    base: TEST,
    options: {
      cases: { args: swap(TEST, 'cases', 'fixtures/golden/350-qd-tw.cases.json'), expect: 'changes' },
      format: { args: swap(TEST, 'format', 'table'), expect: 'changes' },
      engine: { args: add(TEST, '--engine', 'reference'), expect: 'changes' },
      // JSON carries no text of either language; the table does.
      lang: { than: swap(TEST, 'format', 'table'), args: add(swap(TEST, 'format', 'table'), '--lang', 'en'), expect: 'changes' },
      help: { args: add(TEST, '--help'), expect: 'changes' },
    },
  },
  explain: {
    base: EXPLAIN,
    options: {
      'cadres': { args: swap(swap(EXPLAIN, 'cadres', MIXED), 'id', 'MX-01'), than: swap(EXPLAIN, 'id', 'MX-01'), expect: 'changes' },
      'id': { args: swap(EXPLAIN, 'id', 'HN-0001'), expect: 'changes' },
      'cadre': { args: add(EXPLAIN, '--cadre', MIXED), expect: 'usage' },
      'level': { args: swap(EXPLAIN, 'level', 'elementary'), expect: 'changes' },
      'mode': { args: swap(EXPLAIN, 'mode', 'full-time'), expect: 'changes' },
      'on': { args: swap(EXPLAIN, 'on', '2026-03-01'), expect: 'changes' },
      'ruleset': { args: add(EXPLAIN, '--ruleset', 'rulesets/350-qd-tw.json'), expect: 'changes' },
      'overlay': { than: LAO_CAI_EXPLAIN, args: add(LAO_CAI_EXPLAIN, '--overlay', LAO_CAI_OVERLAY), expect: 'changes' },
      'input-format': { args: add(EXPLAIN, '--input-format', 'json'), expect: 'changes' },
      'sheet': { than: swap(swap(EXPLAIN, 'cadres', XLSX), 'id', 'BTG-07'), args: add(swap(swap(EXPLAIN, 'cadres', XLSX), 'id', 'BTG-07'), '--sheet', '1'), expect: 'changes' },
      'encoding': { args: add(EXPLAIN, '--encoding', 'latin1'), expect: 'changes' },
      'engine': { args: add(EXPLAIN, '--engine', 'reference'), expect: 'changes' },
      'format': { args: swap(EXPLAIN, 'format', 'text'), expect: 'changes' },
      // The JSON verdict carries both languages; the text is written in one.
      'lang': { than: swap(EXPLAIN, 'format', 'text'), args: add(swap(EXPLAIN, 'format', 'text'), '--lang', 'en'), expect: 'changes' },
      'help': { args: add(EXPLAIN, '--help'), expect: 'changes' },
    },
  },
  generate: {
    base: GENERATE,
    options: {
      'count': { args: swap(GENERATE, 'count', '6'), expect: 'changes' },
      'seed': { args: swap(GENERATE, 'seed', '2'), expect: 'changes' },
      'format': { args: add(GENERATE, '--format', 'csv'), expect: 'changes' },
      'out': { args: add(GENERATE, '--out', '{tmp}/cohort.json'), expect: 'changes' },
      'province': { args: add(GENERATE, '--province', 'Thái Bình'), expect: 'changes' },
      'reference-date': { args: add(GENERATE, '--reference-date', '2020-01-01'), expect: 'changes' },
      'id-prefix': { args: add(GENERATE, '--id-prefix', 'X-'), expect: 'changes' },
      'progress': { args: add(GENERATE, '--progress'), expect: 'changes' },
      // Generated profiles have no language: --lang changes the messages, as of a file written with --out.
      'lang': { than: add(GENERATE, '--out', '{tmp}/cohort.json'), args: add(GENERATE, '--out', '{tmp}/cohort.json', '--lang', 'en'), expect: 'changes' },
      'help': { args: add(GENERATE, '--help'), expect: 'changes' },
    },
  },
  diff: {
    base: DIFF,
    options: {
      'cadres': { args: swap(DIFF, 'cadres', MIXED), expect: 'changes' },
      'level': { args: swap(DIFF, 'level', 'elementary'), expect: 'changes' },
      'mode': { args: swap(DIFF, 'mode', 'full-time'), expect: 'changes' },
      'on': { args: swap(DIFF, 'on', '2026-03-01'), expect: 'changes' },
      'a': { args: add(DIFF, '--a', 'rulesets/350-qd-tw.json'), expect: 'changes' },
      'b': { args: swap(DIFF, 'b', 'rulesets/57-qd-tw.json'), expect: 'changes' },
      'b-on': { args: without(add(DIFF, '--b-on', '2026-03-01'), 'b'), than: without(DIFF, 'b'), expect: 'changes' },
      'format': { args: swap(DIFF, 'format', 'csv'), expect: 'changes' },
      'all': { args: add(DIFF, '--all'), expect: 'changes' },
      'input-format': { args: add(DIFF, '--input-format', 'json'), expect: 'changes' },
      'sheet': { than: swap(DIFF, 'cadres', XLSX), args: add(swap(DIFF, 'cadres', XLSX), '--sheet', 'Ban Tuyen giao'), expect: 'changes' },
      'encoding': { args: add(DIFF, '--encoding', 'latin1'), expect: 'changes' },
      'engine': { than: withProgress(DIFF), args: add(withProgress(DIFF), '--engine', 'reference'), expect: 'changes' },
      'progress': { args: add(DIFF, '--progress'), expect: 'changes' },
      ...common(DIFF),
    },
  },
  'lifecycle validate': {
    base: LC_VALIDATE,
    options: {
      'workflow': { args: add(LC_VALIDATE, '--workflow', BROKEN), expect: 'changes' },
      'learner-workflow': { args: add(LC_VALIDATE, '--learner-workflow', BROKEN), expect: 'changes' },
      'events': { args: add(LC_VALIDATE, '--events', EVENTS), expect: 'usage' },
      'format': { args: swap(LC_VALIDATE, 'format', 'table'), expect: 'changes' },
      'learner': { args: add(LC_VALIDATE, '--learner'), expect: 'usage' },
      'resume': { args: add(LC_VALIDATE, '--resume', '{snapshot}'), expect: 'usage' },
      'save': { args: add(LC_VALIDATE, '--save', '{tmp}/run.json'), expect: 'usage' },
      'ruleset': { args: add(LC_VALIDATE, ...NO_INTERMEDIATE), expect: 'changes' },
      ...common(LC_VALIDATE),
    },
  },
  'lifecycle replay': {
    base: LC_REPLAY,
    options: {
      'workflow': { args: add(LC_REPLAY, '--workflow', BROKEN), expect: 'changes' },
      'learner-workflow': { args: add(LC_REPLAY, '--learner-workflow', BROKEN), expect: 'changes' },
      'events': { args: swap(LC_REPLAY, 'events', 'fixtures/lifecycle/class-rejected.events.json'), expect: 'changes' },
      'format': { args: swap(LC_REPLAY, 'format', 'table'), expect: 'changes' },
      'learner': { args: add(LC_REPLAY, '--learner'), expect: 'usage' },
      'resume': { args: add(LC_REPLAY, '--resume', '{snapshot}'), expect: 'changes' },
      'save': { args: add(LC_REPLAY, '--save', '{tmp}/run.json'), expect: 'changes' },
      'ruleset': { args: add(LC_REPLAY, '--ruleset', 'rulesets/350-qd-tw.json'), expect: 'changes' },
      // The JSON replay carries both languages (reason, reasonEn); the table is written in one.
      'lang': { than: swap(LC_REPLAY, 'format', 'table'), args: add(swap(LC_REPLAY, 'format', 'table'), '--lang', 'en'), expect: 'changes' },
      'help': { args: add(LC_REPLAY, '--help'), expect: 'changes' },
    },
  },
  'lifecycle graph': {
    base: LC_GRAPH,
    options: {
      'workflow': { args: add(LC_GRAPH, '--workflow', BROKEN), expect: 'changes' },
      'learner-workflow': { than: add(LC_GRAPH, '--learner'), args: add(LC_GRAPH, '--learner', '--learner-workflow', BROKEN), expect: 'changes' },
      'events': { args: add(LC_GRAPH, '--events', EVENTS), expect: 'usage' },
      'format': { args: add(LC_GRAPH, '--format', 'dot'), expect: 'changes' },
      'learner': { args: add(LC_GRAPH, '--learner'), expect: 'changes' },
      'resume': { args: add(LC_GRAPH, '--resume', '{snapshot}'), expect: 'usage' },
      'save': { args: add(LC_GRAPH, '--save', '{tmp}/run.json'), expect: 'usage' },
      'ruleset': { args: add(LC_GRAPH, ...NO_INTERMEDIATE), expect: 'usage' },
      ...common(LC_GRAPH),
    },
  },
  simulate: {
    base: SIMULATE,
    options: {
      'plan': { args: swap(SIMULATE, 'plan', 'fixtures/bad-input/long-holiday.plan.json'), expect: 'changes' },
      'cadres': { args: without(add(SIMULATE, '--cadres', HANOI), 'generate'), expect: 'changes' },
      'generate': { args: swap(SIMULATE, 'generate', '41'), expect: 'changes' },
      'runs': { args: swap(SIMULATE, 'runs', '3'), expect: 'changes' },
      'seed': { args: add(SIMULATE, '--seed', '7'), expect: 'changes' },
      'workers': { than: withProgress(SIMULATE), args: add(withProgress(swap(SIMULATE, 'workers', '1'))), expect: 'changes' },
      'ruleset': { args: add(SIMULATE, '--ruleset', '350-qd-tw'), expect: 'changes' },
      'compare': { args: add(SIMULATE, '--compare', '--b-ruleset', '350-qd-tw'), expect: 'changes' },
      'b-ruleset': { than: add(SIMULATE, '--compare', '--b-generate', '30'), args: add(SIMULATE, '--compare', '--b-generate', '30', '--b-ruleset', '350-qd-tw'), expect: 'changes' },
      'b-plan': { than: add(SIMULATE, '--compare', '--b-generate', '30'), args: add(SIMULATE, '--compare', '--b-generate', '30', '--b-plan', 'fixtures/bad-input/long-holiday.plan.json'), expect: 'changes' },
      'b-cadres': { than: add(SIMULATE, '--compare', '--b-ruleset', '350-qd-tw'), args: add(SIMULATE, '--compare', '--b-ruleset', '350-qd-tw', '--b-cadres', HANOI), expect: 'changes' },
      'b-generate': { than: add(SIMULATE, '--compare', '--b-ruleset', '350-qd-tw'), args: add(SIMULATE, '--compare', '--b-ruleset', '350-qd-tw', '--b-generate', '30'), expect: 'changes' },
      'engine': { args: add(SIMULATE, '--engine', 'xstate'), expect: 'changes' },
      'format': { args: swap(SIMULATE, 'format', 'csv'), expect: 'changes' },
      'out': { args: add(SIMULATE, '--out', '{tmp}/result.json'), expect: 'changes' },
      'progress': { args: add(SIMULATE, '--progress'), expect: 'changes' },
      'calibrate': { args: CALIBRATE, expect: 'changes' },
      'particles': { than: CALIBRATE, args: swap(CALIBRATE, 'particles', '10'), expect: 'changes' },
      'simulations': { than: CALIBRATE, args: swap(CALIBRATE, 'simulations', '8'), expect: 'changes' },
      'fit': { than: CALIBRATE, args: add(CALIBRATE, '--fit', 'noShow'), expect: 'changes' },
      'calibrated-plan': { than: CALIBRATE, args: add(CALIBRATE, '--calibrated-plan', '{tmp}/calibrated.json'), expect: 'changes' },
      ...common(SIMULATE),
    },
  },
  template: {
    base: TEMPLATE,
    options: {
      'out': { args: swap(TEMPLATE, 'out', '{tmp}/other.xlsx'), expect: 'changes' },
      'format': { args: add(TEMPLATE, '--format', 'csv'), expect: 'usage' },
      'year': { args: add(TEMPLATE, '--year', '2021'), expect: 'changes' },
      ...common(TEMPLATE),
    },
  },
};

/** The table as the CLI declares it: command (or `lifecycle <sub>`) → its option names. */
function declaredTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const [name, command] of Object.entries(COMMANDS)) {
    const options = allOptions(command.spec).map((o) => o.name);
    const subs = command.spec.positionals ?? [];
    if (subs.length === 0) table.set(name, options);
    for (const sub of subs) table.set(`${name} ${sub}`, options);
  }
  return table;
}

let scratch = '';
let snapshot = '';
let reviewSides = '';

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'llct-options-'));
  snapshot = join(scratch, 'snapshot.json');
  reviewSides = join(scratch, 'review');
  writeTree(join(reviewSides, 'base'), { [RULESET_PATH]: revision1(), [GOLDEN_PATH]: goldenCases(1) });
  writeTree(join(reviewSides, 'head'), { [RULESET_PATH]: revision2(), [GOLDEN_PATH]: goldenCases(2) });
  writeTree(join(reviewSides, 'draft'), { [RULESET_PATH]: revision2(false), [GOLDEN_PATH]: goldenCases(2) });
  // A saved class run, for --resume: the first events of the full replay, saved.
  const events = (JSON.parse(readFileSync(join(ROOT, EVENTS), 'utf8')) as unknown[]).slice(0, 2);
  const head = join(scratch, 'head.events.json');
  writeFileSync(head, JSON.stringify(events));
  const r = await runLlct(ROOT, ['lifecycle', 'replay', '--events', head, '--save', snapshot]);
  if (r.code !== 0) throw new Error(`cannot save a snapshot: ${r.stderr}`);
});
afterAll(() => { rmSync(scratch, { recursive: true, force: true }); });

let folders = 0;
/** Runs `args` with `{tmp}` and `{snapshot}` filled in; the result includes every file written to `{tmp}`. */
async function observe(args: readonly string[]) {
  const dir = join(scratch, `case-${folders++}`);
  mkdirSync(dir);
  const r = await runLlct(ROOT, args.map((a) => a.replace('{tmp}', dir).replace('{snapshot}', snapshot).replace('{review}', reviewSides)));
  const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8').replaceAll(dir, '{tmp}')]));
  const clean = (t: string) => t.replaceAll(dir, '{tmp}');
  return { code: r.code, stdout: clean(r.stdout), stderr: clean(r.stderr), files };
}

describe('the option table', () => {
  it('has a case for every option of every command and sub-command, and each case gives its option', () => {
    const missing: string[] = [];
    for (const [command, options] of declaredTable()) {
      const cases = CASES[command];
      for (const o of options) {
        const c = cases?.options[o];
        if (!c) { missing.push(`${command} --${o}`); continue; }
        expect(c.args.some((a) => a === `--${o}` || a.startsWith(`--${o}=`)), `${command} --${o}: the case does not give the option`).toBe(true);
      }
    }
    expect(missing).toEqual([]);
    expect(new Set(Object.keys(CASES))).toEqual(new Set(declaredTable().keys()));
  });

  for (const [command, { base, options }] of Object.entries(CASES)) {
    describe(`llct ${command}`, () => {
      for (const [option, c] of Object.entries(options)) {
        const verb = c.expect === 'usage' ? 'is refused with a usage error' : 'changes the result';
        it.concurrent(`--${option} ${verb}`, async () => {
          const [before, after] = await Promise.all([observe(c.than ?? base), observe(c.args)]);
          expect(after.stderr).not.toMatch(/Internal error|Lỗi nội bộ/);
          if (c.expect === 'usage') {
            expect(after.code, after.stderr).toBe(2);
            expect(after.stderr).toMatch(/(Xem|See): llct \S+ --help/);
            expect(after.files).toEqual({});
          } else {
            expect(before.stderr).not.toMatch(/Internal error|Lỗi nội bộ/);
            expect(after, `llct ${c.args.join(' ')} gave what llct ${(c.than ?? base).join(' ')} gives`).not.toEqual(before);
          }
        }, 120_000);
      }
    });
  }
});
