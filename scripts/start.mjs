#!/usr/bin/env node
// Starts the built app on PORT (default 3000) and, for the demo, prints where to open it and how to log in.
import { spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';

const port = process.env.PORT || '3000';
const host = process.env.HOST || '0.0.0.0';
const password = process.env.DEMO_PASSWORD || 'Pufa-demo-2026';
const child = spawn(process.execPath, ['scripts/server.mjs'], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ...process.env, PORT: port, HOST: host },
});

let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (announced || !/Ready|started server/i.test(String(chunk)) || !process.env.PUFA_PRINT_LOGINS) return;
  announced = true;
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  console.log(`
普法学堂 is running:
  on this machine:  http://127.0.0.1:${port}/zh
${lan ? `  on a phone (same network):  http://${lan}:${port}/zh\n` : ''}
Demo logins (password: ${password}):
  13800000001  管理员 admin (司法所)
  13800000002  宣传队 publicist
  13800000003  镇村干部 cadre
  13800000004  村民·法律明白人 villager, legal-literate
  13800000005  法律顾问 lawyer
Stop with Ctrl+C. Data lives in ${process.env.DATA_DIR || './data'}.`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
