/**
 * The words of the notebook's controls (toolbar, kernel status, cells, outputs), in each language
 * a lesson can be written in. Accessible names change with them: a Chinese screen reader hears
 * Chinese names.
 */
import type { LessonLanguage } from './lesson-strings';
import { traceStrings, type TraceStrings } from './trace-strings';

export type CellStateName = 'idle' | 'queued' | 'running' | 'ok' | 'error' | 'interrupted' | 'timeout';
export type KernelStatusName = 'idle' | 'loading' | 'ready' | 'busy' | 'dead';

export type NotebookStrings = {
  toolbar: string;
  runAll: string;
  interrupt: string;
  restartKernel: string;
  restartAndRunAll: string;
  clearOutputs: string;
  downloadIpynb: string;
  kernelStatus: string;
  kernel: Record<KernelStatusName, string>;
  kernelFailed(error: string): string;
  loadingPython: string;
  loadingPythonBytes(loaded: string, total: string): string;
  megabytesOf(loaded: string, total: string): string;
  cellName(id: string): string;
  codeOf(id: string): string;
  outputOf(id: string): string;
  copyOutputOf(id: string): string;
  inputFor(id: string): string;
  runCell(id: string): string;
  interruptCell(id: string): string;
  resetCell(id: string): string;
  executionCount(count: string): string;
  none: string;
  modified: string;
  state: Record<CellStateName, string>;
  /** "Done in 12 ms". */
  stateIn(state: string, elapsed: string): string;
  run: string;
  reset: string;
  runs(count: number, lastStatus: string): string;
  notRunYet: string;
  showAllLines(count: number): string;
  collapseOutput: string;
  copy: string;
  copied: string;
  /** The Trace toggle and the event loop panel. */
  trace: TraceStrings;
};

const en: NotebookStrings = {
  toolbar: 'Notebook',
  runAll: 'Run all',
  interrupt: 'Interrupt',
  restartKernel: 'Restart kernel',
  restartAndRunAll: 'Restart and run all',
  clearOutputs: 'Clear outputs',
  downloadIpynb: 'Download as .ipynb',
  kernelStatus: 'Kernel status',
  kernel: {
    idle: 'Python not started',
    loading: 'Starting Python…',
    ready: 'Python ready',
    busy: 'Python running',
    dead: 'Python stopped',
  },
  kernelFailed: (error) => `Python could not start: ${error}`,
  loadingPython: 'Loading Python',
  loadingPythonBytes: (loaded, total) => `Loading Python… ${loaded} of ${total} MB`,
  megabytesOf: (loaded, total) => `${loaded} of ${total} MB`,
  cellName: (id) => `Cell ${id}`,
  codeOf: (id) => `Code of cell ${id}`,
  outputOf: (id) => `Output of cell ${id}`,
  copyOutputOf: (id) => `Copy output of cell ${id}`,
  inputFor: (id) => `Input for cell ${id}`,
  runCell: (id) => `Run cell ${id}`,
  interruptCell: (id) => `Interrupt cell ${id}`,
  resetCell: (id) => `Reset cell ${id} to original`,
  executionCount: (count) => `Execution count ${count}`,
  none: 'none',
  modified: 'modified',
  state: {
    idle: 'Not run',
    queued: 'Queued',
    running: 'Running…',
    ok: 'Done',
    error: 'Error',
    interrupted: 'Interrupted',
    timeout: 'Stopped at the time limit',
  },
  stateIn: (state, elapsed) => `${state} in ${elapsed}`,
  run: 'Run',
  reset: 'Reset',
  runs: (count, lastStatus) => `Run ${count} ${count === 1 ? 'time' : 'times'}, last ${lastStatus}`,
  notRunYet: 'Not run yet',
  showAllLines: (count) => `Show all ${count} lines`,
  collapseOutput: 'Collapse output',
  copy: 'Copy',
  copied: 'Copied',
  trace: traceStrings('en'),
};

// Full-width punctuation is written as escapes: some editors silently turn it into ASCII.
const colon = '\uff1a';
const comma = '\uff0c';

const zh: NotebookStrings = {
  toolbar: '笔记本',
  runAll: '全部运行',
  interrupt: '中断',
  restartKernel: '重启内核',
  restartAndRunAll: '重启并全部运行',
  clearOutputs: '清除输出',
  downloadIpynb: '下载 .ipynb',
  kernelStatus: '内核状态',
  kernel: {
    idle: 'Python 尚未启动',
    loading: '正在启动 Python…',
    ready: 'Python 已就绪',
    busy: 'Python 正在运行',
    dead: 'Python 已停止',
  },
  kernelFailed: (error) => `Python 无法启动${colon}${error}`,
  loadingPython: '正在加载 Python',
  loadingPythonBytes: (loaded, total) => `正在加载 Python… ${loaded} / ${total} MB`,
  megabytesOf: (loaded, total) => `${loaded} / ${total} MB`,
  cellName: (id) => `单元格 ${id}`,
  codeOf: (id) => `单元格 ${id} 的代码`,
  outputOf: (id) => `单元格 ${id} 的输出`,
  copyOutputOf: (id) => `复制单元格 ${id} 的输出`,
  inputFor: (id) => `单元格 ${id} 的输入`,
  runCell: (id) => `运行单元格 ${id}`,
  interruptCell: (id) => `中断单元格 ${id}`,
  resetCell: (id) => `把单元格 ${id} 恢复为原始代码`,
  executionCount: (count) => `执行序号 ${count}`,
  none: '无',
  modified: '已修改',
  state: {
    idle: '未运行',
    queued: '排队中',
    running: '运行中…',
    ok: '完成',
    error: '出错',
    interrupted: '已中断',
    timeout: `到达时间限制${comma}已停止`,
  },
  stateIn: (state, elapsed) => `${state}${comma}用时 ${elapsed}`,
  run: '运行',
  reset: '恢复',
  runs: (count, lastStatus) => `已运行 ${count} 次${comma}最近一次 ${lastStatus}`,
  notRunYet: '尚未运行',
  showAllLines: (count) => `显示全部 ${count} 行`,
  collapseOutput: '收起输出',
  copy: '复制',
  copied: '已复制',
  trace: traceStrings('zh'),
};

const byLanguage: Record<LessonLanguage, NotebookStrings> = { en, zh };

export function notebookStrings(language: LessonLanguage): NotebookStrings {
  return byLanguage[language];
}
