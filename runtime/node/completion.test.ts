// Editor completion from the live namespace of the cells. Real Pyodide, no mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeKernel } from './node-kernel';

const kernel = new NodeKernel();

beforeAll(async () => {
  await kernel.start();
  const setup = await kernel.run('import asyncio\nlearner_value = 41\nclass Box:\n    contents = 1\ndef no_args(): pass');
  expect(setup.status).toBe('ok');
});
afterAll(() => kernel.dispose());

describe('completion', () => {
  it('completes names the cells defined, builtins and keywords', async () => {
    const code = 'print(learner_v';
    expect(await kernel.complete(code, code.length)).toEqual({ from: 6, matches: ['learner_value'] });
    const builtins = await kernel.complete('isinst', 6);
    expect(builtins?.matches).toContain('isinstance');
    expect((await kernel.complete('awa', 3))?.matches).toContain('await');
    expect((await kernel.complete('no_a', 4))?.matches).toEqual(['no_args']);
  });

  it('completes attributes of modules and objects, replacing the whole dotted name', async () => {
    const code = 'await asyncio.gat';
    const found = await kernel.complete(code, code.length);
    expect(found?.from).toBe(6);
    expect(found?.matches).toContain('asyncio.gather');
    expect((await kernel.complete('Box.con', 7))?.matches).toEqual(['Box.contents']);
    expect((await kernel.complete('Bo', 2))?.matches).toEqual(['Box']);
  });

  it('offers nothing where no name is being typed, and nothing while a cell runs', async () => {
    expect(await kernel.complete('x = (', 5)).toEqual({ from: 5, matches: [] });
    const running = kernel.run('import time\ntime.sleep(0.5)');
    expect(await kernel.complete('learner_v', 9)).toBeNull();
    expect((await running).status).toBe('ok');
  });

  it('still answers after a restart, from the fresh namespace', async () => {
    await kernel.restart();
    expect((await kernel.complete('learner_v', 9))?.matches).toEqual([]);
  });
});
