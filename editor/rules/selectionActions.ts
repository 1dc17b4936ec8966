/**
 * The one list of things a user can do to the selected rule or condition (excalidraw's action registry): the
 * inspector's buttons and the keyboard shortcuts both read it, so a shortcut never does something the buttons
 * cannot. Pure: each action builds a command, the page applies it.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { RulesStringKey } from '../i18n/rulesStrings.ts';
import { textLabel } from '../i18n/text.ts';
import { addCondition, deleteCondition, duplicateCondition, setGroupOp, unwrapCondition, wrapCondition } from '../workspace/commands/conditionCommands.ts';
import { deleteRule, duplicateRule, moveRule } from '../workspace/commands/ruleCommands.ts';
import type { Diff } from '../workspace/createHistory.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { RecordId, Records } from '../workspace/records.ts';

export interface SelectionAction {
  id: string;
  label: Label;
  /** `Delete`, `Ctrl+D`… (shown in the button's title; handled by the page's key handler). */
  shortcut?: string;
  /** Destructive actions are styled and confirmed as such. */
  danger?: boolean;
  /** Once applied, the new condition is selected (so that it can be set at once in the inspector). */
  selectsCreated?: boolean;
  command: Command;
}

/** The condition a change created for the user to set: its first new leaf, else its first new condition. */
export function createdCondition(diff: Diff): RecordId | undefined {
  let group: RecordId | undefined;
  for (const [id, [before, after]] of diff) {
    if (before !== undefined || after?.type !== 'cond') continue;
    if (after.node.op === 'leaf') return id;
    group ??= id;
  }
  return group;
}

const L = (key: RulesStringKey): Label => textLabel(`rules.${key}`);

export function selectionActions(records: Records, selected: RecordId | null): SelectionAction[] {
  if (!selected) return [];
  const r = records.get(selected);
  if (r?.type === 'rule') {
    const rs = records.get(r.ruleset);
    const index = rs?.type === 'ruleset' ? rs.rules.indexOf(r.id) : 0;
    const root = records.get(r.root);
    const out: SelectionAction[] = [];
    if (root?.type === 'cond' && (root.node.op === 'all' || root.node.op === 'any')) {
      out.push({ id: 'add-condition', label: L('addCondition'), selectsCreated: true, command: addCondition(r.root, { fact: 'age', operator: 'greaterThanInclusive', value: 0 }) });
    }
    out.push(
      { id: 'duplicate', label: L('duplicate'), shortcut: 'Ctrl+D', command: duplicateRule(r.id) },
      { id: 'move-up', label: L('moveUp'), command: moveRule(r.id, index - 1) },
      { id: 'move-down', label: L('moveDown'), command: moveRule(r.id, index + 1) },
      { id: 'delete', label: L('delete'), shortcut: 'Delete', danger: true, command: deleteRule(r.id) },
    );
    return out;
  }
  if (r?.type !== 'cond') return [];
  const n = r.node;
  const parent = records.get(r.parent);
  const inGroup = parent?.type === 'cond' && (parent.node.op === 'all' || parent.node.op === 'any');
  const out: SelectionAction[] = [];
  if (n.op === 'all' || n.op === 'any') {
    out.push(
      { id: 'add-condition', label: L('addCondition'), selectsCreated: true, command: addCondition(r.id, { fact: 'age', operator: 'greaterThanInclusive', value: 0 }) },
      { id: 'add-group', label: L('addGroup'), selectsCreated: true, command: addCondition(r.id, { any: [{ fact: 'age', operator: 'greaterThanInclusive', value: 0 }] }) },
      n.op === 'all'
        ? { id: 'switch-any', label: L('switchToAny'), command: setGroupOp(r.id, 'any') }
        : { id: 'switch-all', label: L('switchToAll'), command: setGroupOp(r.id, 'all') },
    );
  }
  if (inGroup) out.push({ id: 'duplicate', label: L('duplicate'), shortcut: 'Ctrl+D', command: duplicateCondition(r.id) });
  out.push({ id: 'wrap-any', label: L('wrapAny'), command: wrapCondition(r.id, 'any') });
  out.push({ id: 'wrap-not', label: L('wrapNot'), command: wrapCondition(r.id, 'not') });
  if (n.op === 'not' || ((n.op === 'all' || n.op === 'any') && n.children.length === 1)) out.push({ id: 'unwrap', label: L('unwrap'), command: unwrapCondition(r.id) });
  if (inGroup) out.push({ id: 'delete', label: L('delete'), shortcut: 'Delete', danger: true, command: deleteCondition(r.id) });
  return out;
}

/** The action a key press asks for, if any (Delete/Backspace → delete, Ctrl+D → duplicate). */
export function actionForKey(actions: readonly SelectionAction[], e: { key: string; ctrlKey: boolean; metaKey: boolean }): SelectionAction | undefined {
  if (e.key === 'Delete' || e.key === 'Backspace') return actions.find((a) => a.id === 'delete');
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'd') return actions.find((a) => a.id === 'duplicate');
  return undefined;
}
