// Stands in for "server-only" under Vitest: that package throws when imported outside a React
// Server Components build, and tests import server modules directly.
export {};
