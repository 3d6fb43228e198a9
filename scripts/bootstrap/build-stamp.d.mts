export function buildInputsHash(root: string, env?: Record<string, string | undefined>): string;
export function buildIsCurrent(root: string, distDir: string, inputsHash: string): boolean;
export function recordBuild(root: string, distDir: string, inputsHash: string): void;
