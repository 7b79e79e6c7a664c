/** The demo CRM, served once per test worker: the Chromium and the Firefox suites share it. */
import { startDemoServer } from '../demo/server';

// eslint-disable-next-line no-empty-pattern
export async function serveDemo({}: object, use: (demo: { url: string }) => Promise<void>) {
  const server = await startDemoServer({ port: 0 });
  await use(server);
  await server.close();
}
