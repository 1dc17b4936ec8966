/**
 * `llct generate`: a seeded synthetic cohort (realistic Vietnamese names, agencies, provinces, ages, education and
 * Party status) as JSON or CSV, on stdout or into a file. Same --count and --seed ⇒ byte-identical output.
 */
import { createWriteStream } from 'node:fs';
import { checkBuiltinGenerateOptions, iterateBuiltinCohort, type BuiltinGenerateOptions } from '../../engine/generate/generateBuiltinCohort.ts';
import { cadreCsvHeader, cadreCsvRow } from '../../engine/io/cadresToCsv.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { LIMITS } from '../limits.ts';
import { createProgress } from '../progress.ts';
import { formatDiagnostic, resolvePath } from '../readFiles.ts';
import { describeWriteError } from '../writeErrors.ts';

const BATCH = 1000;

export const generate = defineCommand(
  {
    name: 'generate',
    summary: { vi: 'sinh một tập hồ sơ cán bộ giả lập theo hạt giống (seed)', en: 'generate a seeded synthetic cohort of cadres' },
    options: [
      { name: 'count', type: 'integer', valueName: 'N', required: true, max: LIMITS.generate, description: { vi: 'số hồ sơ (ghi dần, bộ nhớ không tăng theo số hồ sơ)', en: 'number of profiles (streamed: memory does not grow with the count)' } },
      { name: 'seed', type: 'string', valueName: 'S', required: true, description: { vi: 'hạt giống: cùng hạt giống cho cùng kết quả', en: 'seed: the same seed gives the same cohort' } },
      { name: 'format', type: 'enum', values: ['json', 'csv'], description: { vi: 'định dạng (mặc định: csv khi --out có đuôi .csv, còn lại json)', en: 'output format (default: csv when --out ends in .csv, json otherwise)' } },
      { name: 'out', type: 'string', valueName: 'FILE', description: { vi: 'ghi vào tệp thay vì stdout', en: 'write to a file instead of stdout' } },
      { name: 'province', type: 'string', valueName: 'P', description: { vi: 'chỉ sinh cán bộ công tác ở tỉnh, thành phố này', en: 'only cadres working in this province' } },
      { name: 'reference-date', type: 'date', valueName: 'DATE', description: { vi: 'ngày mà tuổi, xếp loại… được tính (mặc định 2024-03-01)', en: 'day ages, ratings… are as of (default 2024-03-01)' } },
      { name: 'id-prefix', type: 'string', valueName: 'PREFIX', description: { vi: 'tiền tố mã cán bộ (mặc định GEN-)', en: 'id prefix (default GEN-)' } },
      { name: 'progress', type: 'boolean', description: { vi: 'hiện tiến độ trên stderr', en: 'show progress on stderr' } },
    ],
  },

  async (ctx): Promise<ExitCode> => {
    const { values, lang } = ctx;
    const seedText = values.seed;
    const options: BuiltinGenerateOptions = {
      count: values.count,
      // `--seed 42` means the number 42, as in generateBuiltinCohort({ seed: 42 }).
      seed: /^\d{1,15}$/.test(seedText) ? Number(seedText) : seedText,
      ...(values.province ? { province: values.province } : {}),
      ...(values['reference-date'] ? { referenceDate: values['reference-date'] } : {}),
      ...(values['id-prefix'] ? { idPrefix: values['id-prefix'] } : {}),
    };
    const problems = checkBuiltinGenerateOptions(options);
    if (problems.length > 0) {
      for (const d of problems) ctx.err(`${formatDiagnostic(d, lang)}\n`);
      return 2;
    }
    const outFile = values.out;
    const stream = outFile ? createWriteStream(resolvePath(ctx.cwd, outFile), { encoding: 'utf8' }) : undefined;
    let failed: Error | undefined;
    let wake: (() => void) | undefined;
    stream?.on('error', (e) => { failed = e; wake?.(); });
    const write = async (text: string) => {
      if (!stream) { ctx.out(text); return; }
      if (!stream.write(text) && !failed) {
        await new Promise<void>((resolve) => { wake = resolve; stream.once('drain', () => resolve()); });
      }
    };
    // A file named *.csv gets CSV unless told otherwise (JSON in a .csv file is read as CSV and refused).
    const csv = (values.format ?? (outFile && /\.csv$/i.test(outFile) ? 'csv' : 'json')) === 'csv';
    const progress = createProgress(values.progress === true || (ctx.errIsTTY && options.count >= 10_000), ctx.errIsTTY, ctx.err,
      lang === 'en' ? 'Generating' : 'Đang sinh');
    let buffer: string[] = [csv ? `${cadreCsvHeader()}\n` : '[\n'];
    let n = 0;
    for (const profile of iterateBuiltinCohort(options)) {
      buffer.push(csv ? `${cadreCsvRow(profile)}\n` : `${n > 0 ? ',\n' : ''}  ${JSON.stringify(profile)}`);
      n++;
      if (buffer.length >= BATCH) { await write(buffer.join('')); buffer = []; progress.update(n, options.count); }
      if (failed) break;
    }
    buffer.push(csv ? '' : `${n > 0 ? '\n' : ''}]\n`);
    await write(buffer.join(''));
    progress.update(n, options.count);
    progress.finish();
    if (stream) {
      stream.end();
      if (!failed) await new Promise<void>((resolve) => { wake = resolve; stream.once('finish', () => resolve()); });
    }
    if (failed) {
      ctx.err(`${describeWriteError(outFile ?? 'stdout', failed, lang)}\n`);
      return 2;
    }
    if (outFile) ctx.err(lang === 'en' ? `Wrote ${n} profiles to ${outFile}.\n` : `Đã ghi ${n} hồ sơ vào ${outFile}.\n`);
    return 0;
  },
);
