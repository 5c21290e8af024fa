// e2e tests talk to a real n8n: allow each test up to 2 minutes (first runs after a cold start are slow).
jest.setTimeout(120_000);
