/**
 * `npm run bench`: json-rules-engine (reference) against the compiled evaluator, and the compiled evaluator against
 * hand-written predicates (bench/handWritten/), on the real 57-QĐ/TW and 350-QĐ/TW rulesets over the same generated
 * cadres, in one process; then `llct check` and its floor (bench/checkFloor.ts) on one generated CSV. Prints ONE
 * JSON document on stdout, progress on stderr; `ratios` holds each "how many times slower" measured in the run.
 *
 * Environment (all optional):
 *   BENCH_CADRES                     cadres generated (default 100000)
 *   BENCH_REFERENCE_SAMPLE           how many of them the reference evaluator evaluates (default: all); the ratio is
 *                                    per evaluation either way
 *   BENCH_REFERENCE_VERDICT_SAMPLE   end-to-end reference checks compared verdict by verdict (default 10000)
 *   BENCH_DIFF_RUNS                  random rules in the differential run (default 20000; 0 skips it)
 *   BENCH_CLI_CADRES                 rows in the `llct check` run (default 1000000; 0 skips it)
 *   BENCH_CLI_TIMEOUT_S              the CLI run is killed after this (default 900)
 *   BENCH_SEED                       cohort seed (default "llct-bench")
 *   BENCH_XLSX_CADRES                rows read as CSV and as .xlsx (default 100000; 0 skips it; see workbookRead.ts)
 *   BENCH_ONLY=simulate              run only the simulate section (see simulateBench.ts)
 *   BENCH_SIMULATE=0                 skip the simulate section
 *   BENCH_SIM_RUNS, BENCH_SIM_WORKERS  runs and workers of the Hà Nội Monte Carlo (default 1000, one per core)
 *   BENCH_SIM_NATIONAL_CADRES, BENCH_SIM_NATIONAL_CLASSES  size of the national run (default 1000000, 2000)
 */
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { builtinDocuments } from '../engine/builtin.ts';
import { CadreProfile, type Nomination } from '../engine/documents/cadre.ts';
import type { Ruleset } from '../engine/documents/ruleset.ts';
import { generateBuiltinCohort } from '../engine/generate/generateBuiltinCohort.ts';
import { createCompiledEvaluator } from '../engine/rules/compile/createCompiledEvaluator.ts';
import { createGeneratedEvaluator } from '../cli/createGeneratedEvaluator.ts';
import { createChecker } from '../engine/rules/createChecker.ts';
import { createReferenceEvaluator } from '../engine/rules/createReferenceEvaluator.ts';
import { deriveFacts, indexPositions, type Facts } from '../engine/rules/facts.ts';
import { indexProvinces } from '../engine/rules/provinces.ts';
import type { RuleOutcome } from '../engine/rules/RuleEvaluator.ts';
import { LEVEL_MODES } from '../test/rules/differentialCadres.ts';
import { HAND_WRITTEN } from './handWritten/handWrittenEvaluators.ts';
import { cliCheck } from './cliCheck.ts';
import { simulateBench } from './simulateBench.ts';
import { workbookRead } from './workbookRead.ts';
import { differentialRun } from './differentialRun.ts';
import { collectGarbage, envInt, log, peakRssMiB, round, timeAlternating, timeAsync, timeSync } from './measure.ts';

const N = envInt('BENCH_CADRES', 100_000);
const REFERENCE_SAMPLE = Math.min(N, envInt('BENCH_REFERENCE_SAMPLE', N));
const VERDICT_SAMPLE = Math.min(N, envInt('BENCH_REFERENCE_VERDICT_SAMPLE', 10_000));
const DIFF_RUNS = envInt('BENCH_DIFF_RUNS', 20_000);
const CLI_CADRES = envInt('BENCH_CLI_CADRES', 1_000_000);
const CLI_TIMEOUT = envInt('BENCH_CLI_TIMEOUT_S', 900);
const SEED = process.env.BENCH_SEED ?? 'llct-bench';

/** The nomination date per ruleset: one inside each regulation's period. */
const DATES: Record<string, string> = { '57-qd-tw': '2024-03-01', '350-qd-tw': '2026-03-01' };

const sameOutcomes = (a: RuleOutcome[], b: RuleOutcome[]) =>
  a.length === b.length && a.every((o, i) => o.rule === b[i]!.rule && o.passed === b[i]!.passed);

/**
 * One ruleset, in phases ordered so that each timed phase measures only its own subject: compiled verdicts first,
 * while the heap holds just the cohort (as in `llct check`), then compiled evaluations, then the reference, whose
 * outputs (millions of objects) would otherwise slow every later phase's garbage collection. A full collection
 * runs before each phase (node --expose-gc, see package.json).
 */
async function benchRuleset(ruleset: Ruleset, profiles: CadreProfile[]) {
  const docs = builtinDocuments();
  const ctx = { positions: indexPositions(docs.positions), provinces: indexProvinces(docs.institutions) };
  const on = DATES[ruleset.id]!;
  const nominations: Nomination[] = profiles.map((_, i) => { const [level, mode] = LEVEL_MODES[i % LEVEL_MODES.length]!; return { level, mode, on }; });
  const base = { rulesets: [ruleset], positions: docs.positions, institutions: docs.institutions };

  log(`${ruleset.id}: compiled verdicts × ${N}`);
  // As `llct check` runs it: with generated code (cli/createGeneratedEvaluator.ts).
  const compiledChecker = createChecker({ ...base, evaluator: createGeneratedEvaluator });
  collectGarbage();
  const deriveRate = timeSync(N, () => { for (let i = 0; i < N; i++) deriveFacts(profiles[i]!, nominations[i]!, ctx); });
  collectGarbage();
  let eligible = 0;
  const verdictRate = timeSync(N, () => {
    eligible = 0;
    for (let i = 0; i < N; i++) {
      const r = compiledChecker.checkSync(profiles[i]!, nominations[i]!);
      if (r.ok && r.verdict.eligible) eligible++;
    }
  }, { minSeconds: 2, minPasses: 5 });

  log(`${ruleset.id}: compiled evaluations × ${N}`);
  const facts: Facts[] = profiles.map((p, i) => deriveFacts(p, nominations[i]!, ctx).facts);
  const compiled = createGeneratedEvaluator(ruleset);
  const closures = createCompiledEvaluator(ruleset);
  collectGarbage();
  const compiledRate = timeSync(N, () => { for (let i = 0; i < N; i++) compiled.evaluate(facts[i]!, nominations[i]!.level, nominations[i]!.mode); }, { minSeconds: 2, minPasses: 3 });
  // What checks use: the outcomes as an interned pattern, no outcome objects (see engine/rules/OutcomePattern.ts).
  const patternRate = timeSync(N, () => { for (let i = 0; i < N; i++) compiled.evaluatePattern(facts[i]!, nominations[i]!.level, nominations[i]!.mode); }, { minSeconds: 1, minPasses: 3 });

  log(`${ruleset.id}: hand-written baseline, generated bits and closure bits × ${N}, alternating`);
  const hand = HAND_WRITTEN[ruleset.id]!;
  const handBits = new Int32Array(N);
  const compiledBits = new Int32Array(N);
  const closureBits = new Int32Array(N);
  collectGarbage();
  const [handRate, bitsRate, closureBitsRate] = timeAlternating(
    N,
    () => { for (let i = 0; i < N; i++) handBits[i] = hand(facts[i]!, nominations[i]!.level, nominations[i]!.mode); },
    () => { for (let i = 0; i < N; i++) compiledBits[i] = compiled.evaluateBits(facts[i]!, nominations[i]!.level, nominations[i]!.mode); },
    () => { for (let i = 0; i < N; i++) closureBits[i] = closures.evaluateBits(facts[i]!, nominations[i]!.level, nominations[i]!.mode); },
  );
  let handVsCompiled = 0;
  let closuresVsGenerated = 0;
  for (let i = 0; i < N; i++) {
    if (handBits[i] !== compiledBits[i]) handVsCompiled++;
    if (closureBits[i] !== compiledBits[i]) closuresVsGenerated++;
  }

  log(`${ruleset.id}: reference evaluations × ${REFERENCE_SAMPLE}`);
  const reference = createReferenceEvaluator(ruleset);
  collectGarbage();
  let referenceOut: RuleOutcome[][] = [];
  const referenceRate = await timeAsync(REFERENCE_SAMPLE, async () => {
    for (let i = 0; i < REFERENCE_SAMPLE; i++) referenceOut.push(await reference.evaluate(facts[i]!, nominations[i]!.level, nominations[i]!.mode));
  });
  let outcomeMismatches = 0;
  let closureMismatches = 0;
  let handMismatches = 0;
  referenceOut.forEach((r, i) => {
    if (!sameOutcomes(r, compiled.evaluate(facts[i]!, nominations[i]!.level, nominations[i]!.mode))) outcomeMismatches++;
    if (!sameOutcomes(r, closures.evaluate(facts[i]!, nominations[i]!.level, nominations[i]!.mode))) closureMismatches++;
    if (r.reduce((bits, o, k) => (o.passed ? bits | (1 << k) : bits), 0) !== handBits[i]) handMismatches++;
  });
  const compared = referenceOut.length;
  referenceOut = [];

  log(`${ruleset.id}: reference verdicts × ${VERDICT_SAMPLE}`);
  const referenceChecker = createChecker({ ...base, evaluator: createReferenceEvaluator });
  let verdictMismatches = 0;
  const referenceVerdictRate = await timeAsync(VERDICT_SAMPLE, async () => {
    for (let i = 0; i < VERDICT_SAMPLE; i++) {
      const expected = await referenceChecker.check(profiles[i]!, nominations[i]!);
      if (!isDeepStrictEqual(compiledChecker.checkSync(profiles[i]!, nominations[i]!), expected)) verdictMismatches++;
    }
  });

  const perVerdictMicros = 1e6 / verdictRate.perSecond;
  const deriveMicros = 1e6 / deriveRate.perSecond;
  const evaluateMicros = 1e6 / patternRate.perSecond;
  return {
    regulation: ruleset.regulation.code,
    on,
    rules: ruleset.rules.length,
    evaluations: {
      reference: referenceRate,
      compiled: compiledRate,
      ratio: round(compiledRate.perSecond / referenceRate.perSecond),
      compiledAsPattern: patternRate,
      patternRatio: round(patternRate.perSecond / referenceRate.perSecond),
      mismatches: outcomeMismatches,
      closureMismatches,
      compared,
    },
    handWritten: {
      what: 'bench/handWritten/: plain predicates per rule on the same facts, outcomes as bits (bit i: applicable rule i passed); compiled: evaluateBits, the same bits, with generated code as `llct check` runs it (compiledBits) and with the closures only, as the page runs it (closureBits); timed in alternating passes, best of each',
      handWritten: handRate,
      compiledBits: bitsRate,
      closureBits: closureBitsRate,
      compiledVsHandWritten: round(handRate.perSecond / bitsRate.perSecond, 2),
      closuresVsHandWritten: round(handRate.perSecond / closureBitsRate.perSecond, 2),
      mismatchesClosuresVsGenerated: closuresVsGenerated,
      compiledPatternVsHandWritten: round(handRate.perSecond / patternRate.perSecond, 2),
      mismatchesAgainstReference: handMismatches,
      comparedWithReference: compared,
      mismatchesAgainstCompiled: handVsCompiled,
      comparedWithCompiled: N,
    },
    verdicts: {
      compiled: verdictRate,
      // Includes one compiled check per reference check (the comparison): a slight underestimate of the reference.
      reference: referenceVerdictRate,
      ratio: round(verdictRate.perSecond / referenceVerdictRate.perSecond),
      mismatches: verdictMismatches,
      compared: VERDICT_SAMPLE,
      eligibleShare: round(eligible / N, 3),
      microsecondsPerVerdict: {
        total: round(perVerdictMicros, 2),
        deriveFacts: round(deriveMicros, 2),
        evaluatePattern: round(evaluateMicros, 2),
        buildVerdictAndRest: round(perVerdictMicros - deriveMicros - evaluateMicros, 2),
      },
    },
  };
}

async function main() {
  const started = performance.now();
  if (process.env.BENCH_ONLY === 'simulate') {
    const simulate = await simulateBench();
    const environment = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage: loadavg().map((x) => round(x, 2)) };
    process.stdout.write(`${JSON.stringify({ bench: 'llct simulate', environment, simulate, seconds: round((performance.now() - started) / 1000, 1) }, null, 2)}\n`);
    return;
  }
  log(`generating ${N} cadres (seed ${SEED})`);
  const t = performance.now();
  const profiles = generateBuiltinCohort({ count: N, seed: SEED }).map((p) => CadreProfile.parse(p));
  const generateSeconds = round((performance.now() - t) / 1000, 2);
  const results: Record<string, unknown> = {};
  for (const ruleset of builtinDocuments().rulesets) results[ruleset.id] = await benchRuleset(ruleset, profiles);
  const benchRss = peakRssMiB();
  log(`differential run × ${DIFF_RUNS}`);
  const differential = DIFF_RUNS > 0 ? await differentialRun(DIFF_RUNS, 350_57) : { skipped: 'BENCH_DIFF_RUNS=0' };
  const cli = await cliCheck(CLI_CADRES, SEED, CLI_TIMEOUT);
  const simulate = process.env.BENCH_SIMULATE === '0' ? { skipped: 'BENCH_SIMULATE=0' } : await simulateBench();

  const rs = Object.values(results) as Array<Awaited<ReturnType<typeof benchRuleset>>>;
  // "How many times slower", each measured in this run; an object other sections add to.
  const ratios: Record<string, unknown> = {
    compiledVsHandWritten: Object.fromEntries(Object.entries(results).map(([id, r]) => [id, (r as typeof rs[number]).handWritten.compiledVsHandWritten])),
    closuresVsHandWritten: Object.fromEntries(Object.entries(results).map(([id, r]) => [id, (r as typeof rs[number]).handWritten.closuresVsHandWritten])),
  };
  const floorRatio = (cli as { checkVsFloor?: { wall: number } }).checkVsFloor?.wall;
  if (floorRatio !== undefined) ratios.checkVsFloor = floorRatio;
  const report = {
    bench: 'llct evaluators: json-rules-engine reference vs compiled',
    environment: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage: loadavg().map((x) => round(x, 2)) },
    config: {
      cadres: N, seed: SEED, generateAndParseSeconds: generateSeconds,
      nominations: 'cadre i is nominated for LEVEL_MODES[i % 6] (every level × mode), on 2024-03-01 (57-QĐ/TW) and 2026-03-01 (350-QĐ/TW)',
      referenceSample: REFERENCE_SAMPLE,
      referenceSampleNote: REFERENCE_SAMPLE < N
        ? `reference evaluated on the first ${REFERENCE_SAMPLE} of the ${N} cadres (BENCH_REFERENCE_SAMPLE); rates and ratios are per evaluation`
        : 'reference evaluated on every cadre',
      referenceVerdictSample: VERDICT_SAMPLE,
      timing: 'compiled rates: best of several passes over all cadres; reference: one pass; one core, one process; per ruleset: compiled verdicts, then compiled evaluations, then the reference, a full garbage collection before each',
    },
    rulesets: results,
    ratios,
    mismatches: rs.reduce((s, r) => s + r.evaluations.mismatches + r.evaluations.closureMismatches + r.verdicts.mismatches + r.handWritten.mismatchesAgainstReference + r.handWritten.mismatchesAgainstCompiled + r.handWritten.mismatchesClosuresVsGenerated, 0)
      + ('mismatches' in differential ? differential.mismatches : 0),
    differential,
    peakRssMiB: benchRss,
    cliCheck1M: cli,
    simulate,
    workbookRead: workbookRead(profiles),
    targets: {
      compiledAtLeast100xReference: rs.every((r) => r.evaluations.ratio >= 100),
      atLeast500kVerdictsPerSecond: rs.every((r) => r.verdicts.compiled.perSecond >= 500_000),
      zeroMismatches: rs.every((r) => r.evaluations.mismatches === 0 && r.evaluations.closureMismatches === 0 && r.verdicts.mismatches === 0 && r.handWritten.mismatchesAgainstReference === 0 && r.handWritten.mismatchesAgainstCompiled === 0 && r.handWritten.mismatchesClosuresVsGenerated === 0)
        && (!('mismatches' in differential) || differential.mismatches === 0),
      compiledWithin2xOfHandWritten: rs.every((r) => r.handWritten.compiledVsHandWritten <= 2),
    },
    seconds: round((performance.now() - started) / 1000, 1),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
