import { strict as assert } from 'node:assert';
import { AfterThisTask } from '../../../src/vscode/afterThisTask';

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('AfterThisTask', () => {
  it('runs the work once, after the current task, however often it was scheduled', async () => {
    let runs = 0;
    const later = new AfterThisTask(() => runs++);
    later.schedule();
    later.schedule();
    later.schedule();
    assert.equal(runs, 0, 'not inside the task that asked');
    await nextTask();
    assert.equal(runs, 1);
    later.schedule();
    await nextTask();
    assert.equal(runs, 2, 'and again for a later change');
  });

  it('flush does the due work now, once; cancel drops it; both leave nothing behind', async () => {
    let runs = 0;
    const later = new AfterThisTask(() => runs++);
    later.flush();
    assert.equal(runs, 0, 'nothing due, nothing done');
    later.schedule();
    later.flush();
    assert.equal(runs, 1);
    await nextTask();
    assert.equal(runs, 1, 'not done twice');
    later.schedule();
    later.cancel();
    await nextTask();
    assert.equal(runs, 1);
    later.schedule();
    later.dispose();
    await nextTask();
    assert.equal(runs, 1);
  });
});
