// Vitest runs server modules outside a React server build, where `server-only` would throw.
export {};
