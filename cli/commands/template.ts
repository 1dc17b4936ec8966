/**
 * `llct template --format xlsx --out FILE`: the cadre-list workbook to fill in (engine/io/xlsx/writeTemplateWorkbook.ts):
 * headings, dropdowns of labels, an example row, an instructions sheet. Vietnamese by default, English with --lang en.
 * Exit 0 written, 2 usage or write error.
 */
import { builtinDocuments } from '../../engine/builtin.ts';
import { writeTemplateWorkbook } from '../../engine/io/xlsx/writeTemplateWorkbook.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { resolvePath } from '../readFiles.ts';
import { describeWriteError } from '../writeErrors.ts';
import { writeFileSafely } from '../writeFileSafely.ts';
import { usageError } from './shared.ts';

export const template = defineCommand(
  {
    name: 'template',
    summary: { vi: 'ghi sổ tính mẫu để điền danh sách cán bộ', en: 'write the workbook template for a cadre list' },
    options: [
      { name: 'format', type: 'enum', values: ['xlsx'], default: 'xlsx', description: { vi: 'định dạng mẫu', en: 'template format' } },
      { name: 'out', type: 'string', valueName: 'FILE', required: true, description: { vi: 'tệp .xlsx được ghi', en: 'the .xlsx file written' } },
      { name: 'year', type: 'integer', valueName: 'YEAR', max: 2200, description: {
        vi: 'năm cử đi học: mẫu có cột xếp loại của ba năm trước đó (mặc định: năm nay)',
        en: 'nomination year: the template has rating columns for the three years before it (default: this year)',
      } },
    ],
    notes: {
      vi: 'Mẫu là hợp đồng của "danh sách cán bộ dạng sổ tính": tiêu đề cột, nhãn trong danh sách thả xuống, hàng ví dụ, trang hướng dẫn. Điền xong, đọc bằng llct check --cadres TỆP.xlsx.',
      en: 'The template is the contract of "cadre lists as workbooks": column headings, dropdown labels, an example row, an instructions sheet. Once filled in, read it with llct check --cadres FILE.xlsx.',
    },
  },
  async (ctx): Promise<ExitCode> => {
    const { values, lang } = ctx;
    const out = values.out;
    if (out === '-') return usageError(ctx, 'template', { vi: 'Sổ tính .xlsx không ghi ra stdout: nêu tên tệp ở --out.', en: 'An .xlsx workbook is not written to standard output: name a file with --out.' });
    const year = values.year ?? new Date().getFullYear();
    // Ratings are read for the years 1950–2200: the three years before `year` must be among them.
    if (year < 1953) return usageError(ctx, 'template', { vi: `--year phải từ 1953 trở lên, nhận ${year}.`, en: `--year must be at least 1953, got ${year}.` });
    const bytes = await writeTemplateWorkbook({ lang, positions: builtinDocuments().positions, ratingYears: [year - 3, year - 2, year - 1] });
    const w = await writeFileSafely(resolvePath(ctx.cwd, out), bytes);
    if (!w.ok) { ctx.err(`${describeWriteError(out, w.error, lang)}\n`); return 2; }
    ctx.err(lang === 'en' ? `Wrote ${out}.\n` : `Đã ghi ${out}.\n`);
    return 0;
  },
);
