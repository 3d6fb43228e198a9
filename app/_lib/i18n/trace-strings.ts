/**
 * The words of the event loop panel (timeline, loop steps, task tree, bytecode) in each lesson
 * language. Accessible names change with them.
 */
import type { InstructionRole } from '@/runtime/trace/bytecode-schema';
import type { TaskNode, WaitKind } from '@/runtime/trace/trace-schema';

type ItemKind = 'run' | 'suspended' | 'queued' | 'callback' | 'idle' | 'block';
type Outcome = 'wait' | 'yield' | 'result' | 'exception' | 'cancelled';
type CodeKind = 'coroutine' | 'async generator' | 'generator' | 'function';

export type TraceStrings = {
  toggle: string;
  toggleTitle: string;
  panel: string;
  panelOf(id: string): string;
  tabs: { timeline: string; steps: string; tree: string; bytecode: string };
  runToSee: string;
  recording: string;
  loading: string;
  failed(message: string): string;
  droppedNote(note: string): string;
  total(duration: string): string;
  blockedFor(duration: string): string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  earlier: string;
  later: string;
  zoomHint: string;
  chart: string;
  loopLane: string;
  kind: Record<ItemKind, string>;
  blocking: string;
  waitKind: Record<WaitKind, string>;
  outcome: Record<Outcome, string>;
  detail: { lane: string; what: string; start: string; duration: string; details: string };
  waitedFor(what: string): string;
  stillWaiting: string;
  blockedIn(calls: string): string;
  idleUntil(timeout: string): string;
  idleNoTimer: string;
  eager: string;
  raised(name: string): string;
  showTable: string;
  hideTable: string;
  tableCaption: string;
  moreTasks(count: number): string;
  showAllTasks: string;
  steps: {
    previous: string;
    next: string;
    slider: string;
    iterationOf(n: number, total: number): string;
    at(time: string): string;
    ready: string;
    timers: string;
    empty: string;
    more(count: number): string;
    added: string;
    gone: string;
    goneHeading: string;
    due(time: string): string;
    none: string;
    capped(count: number): string;
  };
  tree: {
    label: string;
    atStep(n: number, total: number): string;
    state: Record<TaskNode['state'], string>;
    stack: string;
    none: string;
    more(count: number): string;
  };
  bytecode: {
    functions: string;
    kind: Record<CodeKind, string>;
    role: Record<InstructionRole, string>;
    line(n: number): string;
    noLine: string;
    source: string;
    none: string;
    highlighted(count: number): string;
  };
};

const en: TraceStrings = {
  toggle: 'Trace',
  toggleTitle: 'Record what the event loop does when this cell runs',
  panel: 'Event loop',
  panelOf: (id) => `Event loop of cell ${id}`,
  tabs: { timeline: 'Timeline', steps: 'Loop steps', tree: 'Task tree', bytecode: 'Bytecode' },
  runToSee: 'Run the cell to record what its event loop does.',
  recording: 'Recording the event loop…',
  loading: 'Loading the event loop view…',
  failed: (message) => `The event loop could not be recorded: ${message}`,
  droppedNote: (note) => `Not everything was recorded: ${note}`,
  total: (duration) => `Total ${duration}`,
  blockedFor: (duration) => `the loop was blocked for ${duration}`,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Reset zoom',
  earlier: 'Earlier',
  later: 'Later',
  zoomHint: 'Ctrl+wheel zooms, dragging across the chart selects a range, arrow keys move between slices.',
  chart: 'Timeline chart',
  loopLane: 'Event loop',
  kind: { run: 'running', suspended: 'suspended', queued: 'ready, queued', callback: 'callback', idle: 'idle', block: 'blocking call' },
  blocking: 'blocking',
  waitKind: {
    sleep: 'asyncio.sleep',
    lock: 'a lock',
    semaphore: 'a semaphore',
    event: 'an event',
    condition: 'a condition',
    queue: 'a queue',
    wait: 'asyncio.wait',
    gather: 'asyncio.gather',
    taskgroup: 'a task group',
    task: 'another task',
    future: 'a future',
  },
  outcome: { wait: 'then suspended', yield: 'then gave the loop a turn', result: 'then returned', exception: 'then raised', cancelled: 'then was cancelled' },
  detail: { lane: 'Lane', what: 'What', start: 'Start', duration: 'Duration', details: 'Details' },
  waitedFor: (what) => `waited for ${what}`,
  stillWaiting: 'still waiting when tracing stopped',
  blockedIn: (calls) => `blocked the loop in ${calls}`,
  idleUntil: (timeout) => `nothing ready: the loop slept up to ${timeout} until the next timer`,
  idleNoTimer: 'nothing ready: the loop checked for I/O',
  eager: 'ran eagerly inside create_task',
  raised: (name) => `raised ${name}`,
  showTable: 'Show as a table',
  hideTable: 'Hide the table',
  tableCaption: 'Every slice, wait and callback, in time order',
  moreTasks: (count) => `${count} more ${count === 1 ? 'task' : 'tasks'} not shown`,
  showAllTasks: 'Show all tasks',
  steps: {
    previous: 'Previous step',
    next: 'Next step',
    slider: 'Loop iteration',
    iterationOf: (n, total) => `Iteration ${n} of ${total}`,
    at: (time) => `at ${time}`,
    ready: 'Ready queue',
    timers: 'Timer heap',
    empty: 'empty',
    more: (count) => `and ${count} more`,
    added: 'new',
    gone: 'gone',
    goneHeading: 'Gone since the previous step',
    due: (time) => `due at ${time}`,
    none: 'No loop steps were recorded for this run.',
    capped: (count) => `Only the first ${count} iterations were recorded.`,
  },
  tree: {
    label: 'Tasks and the tasks that await them',
    atStep: (n, total) => `At loop iteration ${n} of ${total} (the one with the most live tasks; change it in Loop steps)`,
    state: { running: 'running', ready: 'ready', waiting: 'waiting', done: 'done' },
    stack: 'Stack',
    none: 'No live tasks at this step.',
    more: (count) => `${count} more tasks not shown`,
  },
  bytecode: {
    functions: 'Functions',
    kind: { coroutine: 'coroutine function', 'async generator': 'async generator', generator: 'generator', function: 'function' },
    role: { setup: 'setup', await: 'await', send: 'send', suspend: 'suspend', resume: 'resume', cleanup: 'cleanup', return: 'return' },
    line: (n) => `line ${n}`,
    noLine: 'no line',
    source: 'Source',
    none: 'This cell defines no functions.',
    highlighted: (count) => `${count} coroutine ${count === 1 ? 'instruction' : 'instructions'} highlighted`,
  },
};

// Full-width punctuation is written as escapes: some editors silently turn it into ASCII.
const colon = '\uff1a';
const comma = '\uff0c';
const period = '\u3002';
const lparen = '\uff08';
const rparen = '\uff09';

const zh: TraceStrings = {
  toggle: '追踪',
  toggleTitle: `记录这个单元格运行时事件循环做了什么`,
  panel: '事件循环',
  panelOf: (id) => `单元格 ${id} 的事件循环`,
  tabs: { timeline: '时间线', steps: '循环步骤', tree: '任务树', bytecode: '字节码' },
  runToSee: `运行这个单元格${comma}记录它的事件循环做了什么${period}`,
  recording: '正在记录事件循环…',
  loading: '正在加载事件循环视图…',
  failed: (message) => `无法记录事件循环${colon}${message}`,
  droppedNote: (note) => `没有全部记录下来${colon}${note}`,
  total: (duration) => `总时长 ${duration}`,
  blockedFor: (duration) => `事件循环被阻塞了 ${duration}`,
  zoomIn: '放大',
  zoomOut: '缩小',
  resetZoom: '重置缩放',
  earlier: '向前',
  later: '向后',
  zoomHint: `Ctrl+滚轮缩放${comma}在图上拖动选择一段时间${comma}方向键在片段之间移动${period}`,
  chart: '时间线图',
  loopLane: '事件循环',
  kind: { run: '运行', suspended: '挂起', queued: `就绪${comma}排队`, callback: '回调', idle: '空闲', block: '阻塞调用' },
  blocking: '阻塞',
  waitKind: {
    sleep: 'asyncio.sleep',
    lock: '锁',
    semaphore: '信号量',
    event: '事件',
    condition: '条件变量',
    queue: '队列',
    wait: 'asyncio.wait',
    gather: 'asyncio.gather',
    taskgroup: '任务组',
    task: '另一个任务',
    future: 'future',
  },
  outcome: { wait: '然后挂起', yield: '然后让出一轮', result: '然后返回', exception: '然后抛出异常', cancelled: '然后被取消' },
  detail: { lane: '泳道', what: '内容', start: '开始', duration: '时长', details: '详情' },
  waitedFor: (what) => `等待 ${what}`,
  stillWaiting: '追踪结束时仍在等待',
  blockedIn: (calls) => `在 ${calls} 中阻塞了事件循环`,
  idleUntil: (timeout) => `没有就绪的任务${colon}事件循环最多休眠 ${timeout}${comma}直到下一个定时器`,
  idleNoTimer: `没有就绪的任务${colon}事件循环检查了 I/O`,
  eager: '在 create_task 中立即运行',
  raised: (name) => `抛出 ${name}`,
  showTable: '以表格显示',
  hideTable: '隐藏表格',
  tableCaption: '按时间顺序列出的所有片段、等待和回调',
  moreTasks: (count) => `还有 ${count} 个任务未显示`,
  showAllTasks: '显示全部任务',
  steps: {
    previous: '上一步',
    next: '下一步',
    slider: '循环轮次',
    iterationOf: (n, total) => `第 ${n} 轮${comma}共 ${total} 轮`,
    at: (time) => `时间 ${time}`,
    ready: '就绪队列',
    timers: '定时器堆',
    empty: '空',
    more: (count) => `还有 ${count} 项`,
    added: '新',
    gone: '已移除',
    goneHeading: '自上一步以来移除的',
    due: (time) => `在 ${time} 到期`,
    none: `这次运行没有记录循环步骤${period}`,
    capped: (count) => `只记录了前 ${count} 轮${period}`,
  },
  tree: {
    label: '任务以及等待它们的任务',
    atStep: (n, total) => `第 ${n} 轮${comma}共 ${total} 轮${lparen}存活任务最多的一轮${colon}可在\u201c循环步骤\u201d中切换${rparen}`,
    state: { running: '运行中', ready: '就绪', waiting: '等待中', done: '已完成' },
    stack: '调用栈',
    none: `这一步没有存活的任务${period}`,
    more: (count) => `还有 ${count} 个任务未显示`,
  },
  bytecode: {
    functions: '函数',
    kind: { coroutine: '协程函数', 'async generator': '异步生成器', generator: '生成器', function: '函数' },
    role: { setup: '准备', await: '等待', send: '发送', suspend: '挂起', resume: '恢复', cleanup: '清理', return: '返回' },
    line: (n) => `第 ${n} 行`,
    noLine: '无行号',
    source: '源代码',
    none: `这个单元格没有定义函数${period}`,
    highlighted: (count) => `高亮了 ${count} 条协程指令`,
  },
};

const byLanguage = { en, zh };

export function traceStrings(language: keyof typeof byLanguage): TraceStrings {
  return byLanguage[language];
}
