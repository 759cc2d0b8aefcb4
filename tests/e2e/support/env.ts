import { join, resolve } from 'node:path'

/** Where the e2e server listens and keeps its data; shared by the config, the server script and the tests. */
export const E2E_PORT = Number(process.env.KRING_E2E_PORT ?? 3217)
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`
/** KRING_E2E_DATA_DIR (relative to the checkout) lets a second e2e server run beside the first; default ./data/e2e. */
export const E2E_DATA_DIR = resolve(process.cwd(), process.env.KRING_E2E_DATA_DIR || join('data', 'e2e'))
export const E2E_SECRET = 'e2e-secret-not-for-production-0123456789abcdef'
