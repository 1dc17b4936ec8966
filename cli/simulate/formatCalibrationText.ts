/**
 * The human summary of `llct simulate --calibrate` (the default `table` format): the fitted parameters with the value
 * they had, the fitted value and its 90 % interval; then each observation against the fitted model's p5–p95 band
 * (and the band before the fit), whether it is inside, its position in the runs and the median's discrepancy. A
 * planned figure is labelled a soft target. Vietnamese by default.
 */
import type { Calibration } from '../../engine/simulate/calibrate/calibratePlan.ts';
import { textTable } from '../format/textTable.ts';
import type { Lang } from '../parseArgs.ts';

const band = (s: { p5: number; p50: number; p95: number }) => `${s.p50} (${s.p5}–${s.p95})`;
const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

export function formatCalibrationText(c: Calibration, lang: Lang): string {
  const en = lang === 'en';
  const unit = (u: string) => (u === 'percent' ? '%' : '');
  const out = [
    `${c.observations.title[lang]}`,
    en
      ? `Plan ${c.plan} · ${c.method.name} · ${c.method.particles} particles · ${c.method.simulations} runs · seed ${String(c.seed)}`
      : `Kế hoạch ${c.plan} · ${c.method.name} · ${c.method.particles} hạt · ${c.method.simulations} lần chạy · hạt giống ${String(c.seed)}`,
    '',
    en ? 'Fitted parameters (assumed; fitted to the observations):' : 'Tham số đã hiệu chỉnh (giả định; khớp theo số liệu quan sát):',
    ...textTable(
      en ? ['parameter', 'before', 'fitted', '90 % interval', 'range searched'] : ['tham số', 'trước', 'hiệu chỉnh', 'khoảng 90 %', 'miền tìm'],
      c.parameters.map((p) => [`${p.label[lang]} [${p.name}]`, `${p.before}${unit(p.unit)}`, `${p.value}${unit(p.unit)}`, `${p.interval.p5}–${p.interval.p95}${unit(p.unit)}`, `${p.range.min}–${p.range.max}${unit(p.unit)}`]),
    ).map((l) => `  ${l}`),
    '',
    en ? `Goodness of fit over ${c.method.checkRuns} runs (median, p5–p95):` : `Độ khớp qua ${c.method.checkRuns} lần chạy (trung vị, p5–p95):`,
    ...textTable(
      en ? ['figure', 'kind', 'value', 'before', 'fitted', 'in band', 'position', 'median − value'] : ['chỉ số', 'loại', 'giá trị', 'trước', 'sau hiệu chỉnh', 'trong dải', 'vị trí', 'trung vị − giá trị'],
      c.fit.map((f) => [
        f.label[lang], f.kind === 'observed' ? (en ? 'observed' : 'quan sát') : (en ? 'planned (soft target)' : 'kế hoạch (mục tiêu mềm)'), String(f.value),
        band(f.before), band(f.fitted), f.inside ? (en ? 'yes' : 'có') : (en ? 'no' : 'không'), `p${f.position}`, `${signed(f.discrepancy)} (${signed(f.relative)} %)`,
      ]),
    ).map((l) => `  ${l}`),
    '',
    c.observedInside
      ? (en ? 'Every observed figure lies inside the fitted p5–p95 band.' : 'Mọi số liệu quan sát đều nằm trong dải p5–p95 sau hiệu chỉnh.')
      : (en ? 'Some observed figure lies outside the fitted p5–p95 band: the model cannot reproduce it with these parameters.' : 'Có số liệu quan sát nằm ngoài dải p5–p95 sau hiệu chỉnh: mô hình chưa tái hiện được với các tham số này.'),
  ];
  return `${out.join('\n')}\n`;
}
