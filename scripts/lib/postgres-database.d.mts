/** Creates an empty database `name` on the server at `serverUrl` (dropping a leftover) and returns its URL. */
export function createPostgresDatabase(serverUrl: string, name: string): Promise<string>;
