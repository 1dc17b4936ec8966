/** The option table of `llct lifecycle`, shared by its sub-commands (they read their values typed from it). */
import type { CommandContext } from '../../Command.ts';
import type { CommandValues, OptionSpec } from '../../parseArgs.ts';
import { RULESET_OPTION } from '../shared.ts';

export const LIFECYCLE_OPTIONS = [
  { name: 'workflow', type: 'string', valueName: 'FILE', description: { vi: 'tệp quy trình lớp (hoặc học viên); mặc định: quy trình có sẵn', en: 'class (or learner) lifecycle file; default: the built-in one' } },
  { name: 'learner-workflow', type: 'string', valueName: 'FILE', description: { vi: 'tệp quy trình học viên; mặc định: quy trình có sẵn', en: 'learner lifecycle file; default: the built-in one' } },
  { name: 'events', type: 'string', valueName: 'FILE', description: { vi: 'replay: tệp JSON, mảng các sự kiện { "type", "at", … }', en: 'replay: JSON file, an array of events { "type", "at", … }' } },
  { name: 'format', type: 'enum', values: ['table', 'json', 'mermaid', 'dot'], description: { vi: 'validate/replay: table|json (mặc định table); graph: mermaid|dot (mặc định mermaid)', en: 'validate/replay: table|json (default table); graph: mermaid|dot (default mermaid)' } },
  { name: 'learner', type: 'boolean', description: { vi: 'graph: vẽ quy trình học viên', en: 'graph: draw the learner lifecycle' } },
  { name: 'resume', type: 'string', valueName: 'FILE', description: { vi: 'replay: tiếp tục từ snapshot đã lưu', en: 'replay: continue from a saved snapshot' } },
  { name: 'save', type: 'string', valueName: 'FILE', description: { vi: 'replay: lưu snapshot sau sự kiện cuối', en: 'replay: save the snapshot after the last event' } },
  { ...RULESET_OPTION, description: {
    vi: 'validate, replay: bộ quy tắc thay cho bộ có sẵn (57-QĐ/TW, 350-QĐ/TW): validate xét điều kiện chuyển trạng thái theo chúng, replay xét duyệt học viên theo chúng',
    en: 'validate, replay: rulesets replacing the built-in ones (57-QĐ/TW, 350-QĐ/TW): validate judges the guards against them, replay screens learners with them',
  } },
] as const satisfies readonly OptionSpec[];

/**
 * The options each sub-command reads (besides --lang and --help). Any other option given is a usage error naming the
 * sub-commands it belongs to, never accepted and ignored.
 */
export const SUBCOMMAND_OPTIONS: Readonly<Record<string, readonly (typeof LIFECYCLE_OPTIONS)[number]['name'][]>> = {
  validate: ['workflow', 'learner-workflow', 'format', 'ruleset'],
  replay: ['workflow', 'learner-workflow', 'events', 'format', 'resume', 'save', 'ruleset'],
  graph: ['workflow', 'learner-workflow', 'format', 'learner'],
};

/** What a lifecycle sub-command receives. */
export type LifecycleContext = CommandContext<CommandValues<typeof LIFECYCLE_OPTIONS>>;
