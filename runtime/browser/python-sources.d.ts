/** Provided at build time by scripts/kernel/build.mjs: the files of runtime/python as text. */
declare module 'awaitable:python-sources' {
  export const pythonSources: Readonly<Record<string, string>>;
}
