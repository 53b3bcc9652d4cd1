import cluster from 'node:cluster';
import { createServer } from 'node:http';

/**
 * The floor of `bench:api`: a bare node:http server that answers every request with the same
 * JSON body (`bytes` long), in as many processes as the API has workers, sharing the port the
 * same way (node:cluster). Nothing of ours runs on its request path, so the load generator's
 * figures against it are what this machine can do at all. Run as a child process:
 * `node http-floor.js <port> <bytes> <workers>`; it sends 'ready' once every worker listens.
 */
export function floorBody(bytes: number): string {
  const shell = JSON.stringify({ padding: '' });
  return JSON.stringify({ padding: 'x'.repeat(Math.max(0, bytes - shell.length)) });
}

function main(): void {
  const [port, bytes, workers] = process.argv.slice(2).map(Number);
  if (cluster.isPrimary) {
    let listening = 0;
    for (let i = 0; i < workers; i++) {
      cluster.fork().on('listening', () => {
        if (++listening === workers) process.send?.('ready');
      });
    }
    process.on('SIGTERM', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
      process.exit(0);
    });
    return;
  }
  const body = Buffer.from(floorBody(bytes));
  createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    response.end(body);
  }).listen(port, '127.0.0.1');
}

if (require.main === module) main();
