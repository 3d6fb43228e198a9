// `npm start`: install what is missing, prepare the database, build, and serve.
import { spawn } from 'node:child_process';
import { ensureBubblewrap } from './bubblewrap.mjs';
import { buildNextIfChanged, checkNodeVersion, ensureDependencies, prepareApp, projectRoot, say } from './steps.mjs';

checkNodeVersion();
ensureDependencies();
ensureBubblewrap();
prepareApp();
buildNextIfChanged();

const port = process.env.PORT ?? '3000';
const hostname = process.env.HOSTNAME_BIND ?? '0.0.0.0';
say(`Serving Awaitable on http://localhost:${port}`);
const server = spawn('npm', ['exec', '--', 'next', 'start', '-p', port, '-H', hostname], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
