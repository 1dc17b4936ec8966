/**
 * Diagnostics for a lifecycle document (already schema-valid, see `loadLifecycle`): names the registry does not
 * know (with "did you mean"), dangling targets, unreachable states, states with no way to a final state, two
 * unguarded transitions on one event, parameters out of range, references to unknown parameters, states or
 * events. Each diagnostic has a path into the document and, where there is one, a hint.
 */
import { closest, diagnostic, safeParseBilingual, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import type { Label } from '../documents/enums.ts';
import { isNamedGuard, isParamRef, type GuardExpr, type Lifecycle } from '../documents/lifecycle.ts';
import { lifecycleEdges, reachableStates, statesReachingFinal } from './lifecycleGraph.ts';
import { analyseGuards, type GuardAnalysisOptions } from './analyseGuards.ts';
import { validateParameters } from './validateParameters.ts';
import type { LifecycleRegistry, SpecRefs } from './types.ts';
import { own } from '../documents/own.ts';

export interface ValidateOptions extends GuardAnalysisOptions {
  registry: LifecycleRegistry;
  /** For a class lifecycle: the learner lifecycle it hosts (learner states and events are checked against it). */
  learnerLifecycle?: Lifecycle;
}

type Path = Array<string | number>;

export function validateLifecycle(doc: Lifecycle, options: ValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (code: string, severity: Diagnostic['severity'], path: Path, message: Label, hint?: Label) =>
    out.push(diagnostic(code, severity, path, message, hint));
  const stateIds = Object.keys(doc.states);
  const specs = options.registry[doc.subject];
  const other = options.registry[doc.subject === 'class' ? 'learner' : 'class'];
  const learnerDoc = doc.subject === 'class' ? options.learnerLifecycle : undefined;
  const didYouMean = (word: string, candidates: readonly string[]) => {
    const g = closest(word, candidates);
    return g ? { vi: ` Có phải "${g}"?`, en: ` Did you mean "${g}"?` } : { vi: '', en: '' };
  };

  if (!own(doc.states, doc.initial)) {
    const m = didYouMean(doc.initial, stateIds);
    add('lifecycle/unknown-initial', 'error', ['initial'], { vi: `Trạng thái đầu "${doc.initial}" không có trong states.${m.vi}`, en: `Initial state "${doc.initial}" is not among the states.${m.en}` });
  }
  if (!Object.values(doc.states).some((s) => s.final)) {
    add('lifecycle/no-final-state', 'error', ['states'], { vi: 'Quy trình không có trạng thái kết thúc (final).', en: 'The lifecycle has no final state.' },
      { vi: 'Đánh dấu "final": true cho ít nhất một trạng thái.', en: 'Mark at least one state with "final": true.' });
  }
  if (doc.subject === 'class' && !doc.learnerLifecycle) {
    add('lifecycle/missing-learner-lifecycle', 'error', ['learnerLifecycle'], { vi: 'Quy trình lớp cần nêu quy trình học viên (learnerLifecycle).', en: 'A class lifecycle must name its learner lifecycle (learnerLifecycle).' });
  }
  if (learnerDoc && doc.learnerLifecycle && learnerDoc.id !== doc.learnerLifecycle) {
    add('lifecycle/learner-lifecycle-mismatch', 'error', ['learnerLifecycle'],
      { vi: `Quy trình lớp dùng quy trình học viên "${doc.learnerLifecycle}" nhưng được kiểm tra cùng "${learnerDoc.id}".`, en: `The class lifecycle names learner lifecycle "${doc.learnerLifecycle}" but is checked with "${learnerDoc.id}".` });
  }
  if (learnerDoc && learnerDoc.subject !== 'learner') {
    add('lifecycle/wrong-subject', 'error', ['learnerLifecycle'], { vi: `"${learnerDoc.id}" không phải quy trình học viên.`, en: `"${learnerDoc.id}" is not a learner lifecycle.` });
  }

  const checkRefs = (refs: SpecRefs, params: Record<string, unknown>, path: Path, event: string) => {
    for (const { key, of } of refs.states ?? []) {
      const target = of === doc.subject ? doc : learnerDoc;
      if (!target) continue;
      const ids = Object.keys(target.states);
      const values = Array.isArray(params[key]) ? (params[key] as unknown[]) : [params[key]];
      values.forEach((v, i) => {
        if (typeof v !== 'string' || ids.includes(v)) return;
        const m = didYouMean(v, ids);
        add('lifecycle/unknown-state-ref', 'error', [...path, 'params', key, ...(Array.isArray(params[key]) ? [i] : [])],
          { vi: `Trạng thái "${v}" không có trong quy trình ${target.id}.${m.vi}`, en: `State "${v}" is not in lifecycle ${target.id}.${m.en}` });
      });
    }
    for (const key of refs.learnerEvents ?? []) {
      const v = params[key];
      if (!learnerDoc || typeof v !== 'string' || own(learnerDoc.events, v)) continue;
      const m = didYouMean(v, Object.keys(learnerDoc.events));
      add('lifecycle/unknown-learner-event', 'error', [...path, 'params', key], { vi: `Quy trình học viên ${learnerDoc.id} không có sự kiện "${v}".${m.vi}`, en: `Learner lifecycle ${learnerDoc.id} has no event "${v}".${m.en}` });
    }
    for (const [key, value] of Object.entries(params)) {
      if (!isParamRef(value)) continue;
      const p = doc.parameters[value.param];
      if (!p) {
        const m = didYouMean(value.param, Object.keys(doc.parameters));
        add('lifecycle/unknown-parameter', 'error', [...path, 'params', key, 'param'], { vi: `Không có tham số "${value.param}".${m.vi}`, en: `No parameter "${value.param}".${m.en}` },
          { vi: 'Khai báo tham số trong "parameters" hoặc sửa tên.', en: 'Declare the parameter under "parameters", or correct the name.' });
      } else if (refs.units?.[key] && refs.units[key] !== p.unit) {
        add('lifecycle/parameter-unit-mismatch', 'warning', [...path, 'params', key, 'param'],
          { vi: `"${key}" cần đơn vị ${refs.units[key]} nhưng tham số "${value.param}" có đơn vị ${p.unit}.`, en: `"${key}" expects unit ${refs.units[key]} but parameter "${value.param}" is in ${p.unit}.` });
      }
    }
    const def = own(doc.events, event);
    for (const field of refs.payload ?? []) {
      if (def && !own(def.payload, field)) {
        add('lifecycle/payload-not-declared', 'error', ['events', event, 'payload'], { vi: `Sự kiện ${event} cần khai báo trường "${field}" (điều kiện/hành động dùng đến).`, en: `Event ${event} must declare field "${field}" (a guard or action reads it).` });
      }
    }
  };

  const checkNamed = (kind: 'guard' | 'action', type: string, params: Record<string, unknown> | undefined, path: Path, event: string) => {
    const table = kind === 'guard' ? specs.guards : specs.actions;
    const spec = table[type];
    if (!spec) {
      const m = didYouMean(type, Object.keys(table));
      const elsewhere = (kind === 'guard' ? other.guards : other.actions)[type];
      add(`lifecycle/unknown-${kind}`, 'error', [...path, 'type'],
        { vi: `${kind === 'guard' ? 'Điều kiện' : 'Hành động'} "${type}" không có trong danh mục cho quy trình ${doc.subject === 'class' ? 'lớp' : 'học viên'}.${m.vi}`, en: `${kind === 'guard' ? 'Guard' : 'Action'} "${type}" is not registered for ${doc.subject} lifecycles.${m.en}` },
        elsewhere
          ? { vi: `"${type}" chỉ dùng được trong quy trình ${doc.subject === 'class' ? 'học viên' : 'lớp'}.`, en: `"${type}" can only be used in ${doc.subject === 'class' ? 'learner' : 'class'} lifecycles.` }
          : { vi: `Có: ${Object.keys(table).join(', ')}.`, en: `Available: ${Object.keys(table).join(', ')}.` });
      return;
    }
    const parsed = safeParseBilingual(spec.params, params ?? {});
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        add('lifecycle/bad-params', 'error', [...path, 'params', ...(issue.path as Array<string | number>)],
          { vi: `Tham số của "${type}" không hợp lệ: ${issue.vi}`, en: `Invalid parameters for "${type}": ${issue.en}` }, spec.description);
      }
      return;
    }
    checkRefs(spec, params ?? {}, path, event);
  };

  const checkGuard = (g: GuardExpr, path: Path, event: string) => {
    if (isNamedGuard(g)) return checkNamed('guard', g.type, g.params, path, event);
    if ('and' in g) g.and.forEach((c, i) => checkGuard(c, [...path, 'and', i], event));
    else if ('or' in g) g.or.forEach((c, i) => checkGuard(c, [...path, 'or', i], event));
    else checkGuard(g.not, [...path, 'not'], event);
  };

  for (const [id, state] of Object.entries(doc.states)) {
    if (state.final && Object.keys(state.on).length > 0) {
      add('lifecycle/final-has-transitions', 'error', ['states', id, 'on'], { vi: `Trạng thái kết thúc "${id}" không được có chuyển tiếp.`, en: `Final state "${id}" must not have transitions.` }, { vi: 'Bỏ "final" hoặc bỏ các chuyển tiếp.', en: 'Remove "final", or remove the transitions.' });
    }
    for (const [event, transitions] of Object.entries(state.on)) {
      if (!own(doc.events, event)) {
        const m = didYouMean(event, Object.keys(doc.events));
        add('lifecycle/unknown-event', 'error', ['states', id, 'on', event], { vi: `Sự kiện "${event}" chưa được khai báo trong events.${m.vi}`, en: `Event "${event}" is not declared in events.${m.en}` });
      }
      let unguarded = -1;
      transitions.forEach((t, i) => {
        const path: Path = ['states', id, 'on', event, i];
        if (t.target !== undefined && !own(doc.states, t.target)) {
          const m = didYouMean(t.target, stateIds);
          add('lifecycle/dangling-target', 'error', [...path, 'target'], { vi: `Đích "${t.target}" không phải một trạng thái.${m.vi}`, en: `Target "${t.target}" is not a state.${m.en}` });
        }
        if (t.guard) checkGuard(t.guard, [...path, 'guard'], event);
        t.actions.forEach((a, j) => checkNamed('action', a.type, a.params, [...path, 'actions', j], event));
        if (unguarded >= 0) {
          const two = !t.guard;
          add(two ? 'lifecycle/unguarded-overlap' : 'lifecycle/shadowed-transition', two ? 'error' : 'warning', path,
            { vi: two ? `Hai chuyển tiếp không điều kiện cho ${event} ở "${id}" (vị trí ${unguarded} và ${i}): chuyển tiếp sau không bao giờ xảy ra.`
              : `Chuyển tiếp ${i} cho ${event} ở "${id}" đứng sau chuyển tiếp không điều kiện ${unguarded}: không bao giờ xảy ra.`, en: two ? `Two unguarded transitions for ${event} in "${id}" (positions ${unguarded} and ${i}): the later one is never taken.`
              : `Transition ${i} for ${event} in "${id}" follows unguarded transition ${unguarded}: it is never taken.` },
            { vi: 'Thêm điều kiện cho chuyển tiếp đứng trước, hoặc xóa một chuyển tiếp.', en: 'Add a guard to the earlier transition, or delete one of them.' });
        } else if (!t.guard) unguarded = i;
        checkForwarding(t.actions.map((a) => a.type), event, path);
      });
    }
  }

  function checkForwarding(actions: string[], event: string, path: Path) {
    if (!learnerDoc || !actions.includes('forwardToLearner')) return;
    const learnerEvent = own(learnerDoc.events, event);
    if (!learnerEvent) {
      add('lifecycle/unknown-learner-event', 'error', [...path, 'actions'], { vi: `${event} được chuyển cho học viên nhưng quy trình học viên ${learnerDoc.id} không có sự kiện này.`, en: `${event} is forwarded to learners but learner lifecycle ${learnerDoc.id} has no such event.` });
      return;
    }
    for (const [field, f] of Object.entries(learnerEvent.payload)) {
      if (f.required && !own(own(doc.events, event)?.payload, field)) {
        add('lifecycle/forwarded-field-missing', 'error', ['events', event, 'payload'],
          { vi: `Quy trình học viên cần trường "${field}" cho ${event}; sự kiện ${event} của lớp phải khai báo trường này.`, en: `The learner lifecycle needs field "${field}" for ${event}; the class event ${event} must declare it.` });
      }
    }
  }

  if (own(doc.states, doc.initial)) {
    const reachable = reachableStates(doc);
    for (const id of stateIds.filter((s) => !reachable.has(s))) {
      add('lifecycle/unreachable-state', 'warning', ['states', id], { vi: `Trạng thái "${id}" không thể đạt tới từ trạng thái đầu "${doc.initial}".`, en: `State "${id}" cannot be reached from the initial state "${doc.initial}".` },
        { vi: 'Thêm chuyển tiếp tới trạng thái này hoặc xóa nó.', en: 'Add a transition into this state, or delete it.' });
    }
  }
  const toFinal = statesReachingFinal(doc);
  for (const id of stateIds.filter((s) => !toFinal.has(s))) {
    add('lifecycle/no-path-to-final', 'error', ['states', id], { vi: `Từ trạng thái "${id}" không có đường tới trạng thái kết thúc nào.`, en: `There is no path from state "${id}" to any final state.` },
      { vi: 'Thêm chuyển tiếp dẫn tới một trạng thái kết thúc (vd. hủy, thôi học).', en: 'Add a transition that leads to a final state (e.g. cancelled, withdrawn).' });
  }

  const declaredUse = new Set(lifecycleEdges(doc).map((e) => e.event));
  for (const event of Object.keys(doc.events).filter((e) => !declaredUse.has(e))) {
    add('lifecycle/unused-event', 'info', ['events', event], { vi: `Sự kiện "${event}" được khai báo nhưng không trạng thái nào dùng.`, en: `Event "${event}" is declared but no state uses it.` });
  }
  doc.revisions.forEach((r, i) => {
    if (r.revision > doc.revision) {
      add('lifecycle/bad-revision', 'error', ['revisions', i, 'revision'], { vi: `Lần sửa ${r.revision} lớn hơn phiên bản hiện tại ${doc.revision}.`, en: `Revision ${r.revision} is later than the current revision ${doc.revision}.` });
    }
    for (const [from, to] of Object.entries(r.renamedStates)) {
      if (!own(doc.states, to) && !doc.revisions.some((later) => later.revision > r.revision && own(later.renamedStates, to))) {
        add('lifecycle/bad-revision', 'error', ['revisions', i, 'renamedStates', from], { vi: `"${from}" được đổi thành "${to}", nhưng "${to}" không phải một trạng thái.`, en: `"${from}" is renamed to "${to}", which is not a state.` });
      }
    }
  });
  out.push(...validateParameters(doc));
  out.push(...analyseGuards(doc, options));
  return out;
}
