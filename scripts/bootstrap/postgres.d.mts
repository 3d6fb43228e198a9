export declare function startPostgres(options?: { log?: (line: string) => void }): Promise<{
  url: string;
  port: number;
  dataDir: string;
  createDatabase(name: string): Promise<string>;
  stop(): void;
}>;
