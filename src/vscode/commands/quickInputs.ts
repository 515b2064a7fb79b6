/**
 * The steps of multi-step Quick Picks, with VS Code's conventions: a Back button on every step
 * after the first, Escape cancels the whole flow, the current value pre-selected or pre-filled.
 */
import * as vscode from 'vscode';
import { uiText } from '../uiText';

export type Step<T> = { kind: 'value'; value: T } | { kind: 'back' } | { kind: 'cancel' };

interface PickOptions<T extends vscode.QuickPickItem> {
  title: string;
  placeholder: string;
  items: readonly T[];
  back?: boolean;
  active?: T;
  /** Offers what the user types as an item of its own (always shown first). */
  freeEntry?: (typed: string) => T | undefined;
}

export function pickOne<T extends vscode.QuickPickItem>(o: PickOptions<T>): Promise<Step<T>> {
  const qp = vscode.window.createQuickPick<T>();
  setUp(qp, o);
  if (o.active) qp.activeItems = [o.active];
  if (o.freeEntry) {
    const entry = o.freeEntry;
    qp.onDidChangeValue((typed) => {
      const item = typed.trim() === '' ? undefined : entry(typed.trim());
      qp.items = item ? [item, ...o.items] : o.items;
    });
  }
  return run(qp, () => {
    const item = qp.selectedItems[0] ?? qp.activeItems[0];
    return item === undefined ? undefined : { kind: 'value', value: item };
  });
}

export function pickMany<T extends vscode.QuickPickItem>(o: PickOptions<T>): Promise<Step<T[]>> {
  const qp = vscode.window.createQuickPick<T>();
  qp.canSelectMany = true;
  setUp(qp, o);
  qp.selectedItems = o.items.filter((i) => i.picked);
  return run(qp, () => ({ kind: 'value', value: [...qp.selectedItems] }));
}

export function inputText(o: { title: string; prompt: string; value: string; placeholder?: string; back?: boolean; validate: (v: string) => string | undefined }): Promise<Step<string>> {
  const box = vscode.window.createInputBox();
  box.title = uiText(o.title);
  box.prompt = o.prompt;
  box.value = o.value;
  box.placeholder = o.placeholder;
  box.ignoreFocusOut = false;
  if (o.back) box.buttons = [vscode.QuickInputButtons.Back];
  box.onDidChangeValue((v) => (box.validationMessage = o.validate(v)));
  return run(box, () => {
    const problem = o.validate(box.value);
    box.validationMessage = problem;
    return problem === undefined ? { kind: 'value', value: box.value } : undefined;
  });
}

function setUp<T extends vscode.QuickPickItem>(qp: vscode.QuickPick<T>, o: PickOptions<T>): void {
  qp.title = uiText(o.title);
  qp.placeholder = o.placeholder;
  qp.items = o.items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  if (o.back) qp.buttons = [vscode.QuickInputButtons.Back];
}

/** What a Quick Pick and an Input Box have in common, all that `run` needs. */
type StepInput = Pick<vscode.QuickPick<vscode.QuickPickItem> & vscode.InputBox, 'onDidTriggerButton' | 'onDidAccept' | 'onDidHide' | 'show' | 'hide' | 'dispose'>;

/**
 * Shows `input` until it is hidden: Back gives `back`, Escape `cancel`, Enter what `accept` says
 * (undefined keeps the input open, e.g. for a value that does not validate). Disposes it when done.
 */
export function run<R>(input: StepInput, accept: () => Step<R> | undefined): Promise<Step<R>> {
  return new Promise((resolve) => {
    let result: Step<R> = { kind: 'cancel' };
    input.onDidTriggerButton(() => {
      result = { kind: 'back' };
      input.hide();
    });
    input.onDidAccept(() => {
      const step = accept();
      if (step === undefined) return;
      result = step;
      input.hide();
    });
    input.onDidHide(() => {
      input.dispose();
      resolve(result);
    });
    input.show();
  });
}
