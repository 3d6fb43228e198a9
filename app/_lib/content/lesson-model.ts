/**
 * What a lesson runs, in page order: its cells and exercises, as the remark plugins found them.
 * `npm run lessons:check` executes this model; the page renders the same fences as components.
 */
export type ExpectedOutputBlock = { text: string; line: number };

export type LessonCell = {
  kind: 'cell';
  id: string;
  /** False when the fence has no `id=` and the cell is numbered (`cell-3`), which shifts as cells are added. */
  idGiven: boolean;
  code: string;
  /** Line of the ```python fence. */
  line: number;
  /** Time limit in seconds, if the fence sets one (the kernel's default is 30). */
  timeoutSeconds?: number;
  kernel: 'browser' | 'server';
  /** A server cell whose code runs before every other server cell of the lesson. */
  setup: boolean;
  /** The cell is meant to raise. */
  expectError: boolean;
  expected?: ExpectedOutputBlock;
};

export type ExerciseCode = { code: string; line: number };

export type LessonExercise = {
  kind: 'exercise';
  id: string;
  title: string;
  /** Line of `<Exercise>`. */
  line: number;
  starter: ExerciseCode;
  check: ExerciseCode;
  solution: ExerciseCode;
  timeoutSeconds?: number;
};

export type LessonItem = LessonCell | LessonExercise;

export type LessonModel = { file: string; items: LessonItem[]; quizIds: string[] };

/**
 * Collects the model while the plugins transform the tree, and keeps cell, exercise and quiz
 * ids unique (they share one namespace: progress and saved edits are keyed by them).
 */
export class LessonCollector {
  readonly items: LessonItem[] = [];
  readonly quizIds: string[] = [];
  private readonly ids = new Map<string, { line: number; what: string }>();

  constructor(readonly file: string) {}

  /** Throws `file:line: ...` naming the first use if the id is taken. */
  claimId(id: string, line: number, what: 'cell' | 'exercise' | 'quiz'): void {
    const previous = this.ids.get(id);
    if (!previous) {
      this.ids.set(id, { line, what });
      return;
    }
    // Blame the later of the two in the file, whichever the plugins met first.
    const [first, second] = previous.line <= line ? [previous, { line, what }] : [{ line, what }, previous];
    const by = first.what === second.what ? '' : ` by ${first.what === 'exercise' ? 'an' : 'a'} ${first.what}`;
    throw new Error(`${this.file}:${second.line}: ${second.what} id "${id}" is already used${by} on line ${first.line}`);
  }

  add(item: LessonItem): void {
    this.items.push(item);
  }

  model(): LessonModel {
    const items = [...this.items].sort((a, b) => a.line - b.line);
    return { file: this.file, items, quizIds: [...this.quizIds] };
  }
}
