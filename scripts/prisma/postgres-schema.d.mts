export declare const sqliteSchemaFile: string;
export declare const postgresSchemaFile: string;
export declare function toPostgresSchema(source: string): string;
