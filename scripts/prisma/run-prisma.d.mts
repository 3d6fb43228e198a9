export declare const projectRoot: string;
export declare function runPrisma(
  args: string[],
  options?: { env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<{ code: number; output: string; ms: number }>;
