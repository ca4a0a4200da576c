// Tiny servers and clients the network-namespace test runs inside namespaces (plain JS: starts fast).
//   serve echo|hash|sink <port> | serve http <port> <name>   (port 0: prints the one it got)
//   relay <port> <host> <targetPort>  plain TCP relay
//   echo <host> <port> <message>      prints the reply
//   get <host> <port> <path>          prints the HTTP body
//   probe <host> <port>               prints reachable | unreachable <code>
//   stream <host> <port>              writes until the connection dies; prints reset|ended
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';

const [cmd, ...args] = process.argv.slice(2);
const out = (s) => process.stdout.write(`${s}\n`);

function serve(kind, port, name) {
  const handler = {
    echo: (s) => s.pipe(s),
    sink: (s) => {
      let n = 0;
      s.on('data', (c) => (n += c.length));
      s.on('end', () => s.end(String(n)));
    },
    hash: (s) => {
      const h = createHash('sha256');
      s.on('data', (c) => h.update(c));
      s.on('end', () => s.end(h.digest('hex')));
    },
  }[kind];
  const srv =
    kind === 'http'
      ? http.createServer((req, res) => res.end(`${name} ${req.method} ${req.url}`))
      : net.createServer({ allowHalfOpen: true, noDelay: true }, (s) => (s.on('error', () => {}), handler(s)));
  srv.listen(Number(port), process.env.TOOL_HOST ?? '0.0.0.0', () => out(`ready ${srv.address().port}`));
}

/** Plain TCP relay (no TLS, no mux): the floor a user-space hop costs, for the bench. */
function relay(port, host, targetPort) {
  const srv = net.createServer({ allowHalfOpen: true, noDelay: true }, (a) => {
    const b = net.connect({ host, port: Number(targetPort), allowHalfOpen: true, noDelay: true });
    for (const s of [a, b]) s.on('error', () => (a.destroy(), b.destroy()));
    a.pipe(b);
    b.pipe(a);
  });
  srv.listen(Number(port), process.env.TOOL_HOST ?? '0.0.0.0', () => out(`ready ${srv.address().port}`));
}

function echo(host, port, message) {
  const s = net.connect({ host, port: Number(port), allowHalfOpen: true });
  const parts = [];
  s.on('data', (c) => parts.push(c));
  s.on('end', () => (out(Buffer.concat(parts).toString()), s.end()));
  s.on('error', (e) => out(`error ${e.code ?? e.message}`));
  s.end(message);
}

function get(host, port, path) {
  http
    .get({ host, port: Number(port), path, agent: false }, (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => out(Buffer.concat(parts).toString()));
    })
    .on('error', (e) => out(`error ${e.code ?? e.message}`));
}

function probe(host, port) {
  const s = net.connect({ host, port: Number(port) });
  const t = setTimeout(() => (out('unreachable TIMEOUT'), s.destroy(), process.exit(0)), 1500);
  s.on('connect', () => (clearTimeout(t), out('reachable'), s.destroy()));
  s.on('error', (e) => (clearTimeout(t), out(`unreachable ${e.code}`)));
}

function stream(host, port) {
  const s = net.connect({ host, port: Number(port), allowHalfOpen: true });
  const chunk = Buffer.alloc(64 * 1024, 1);
  let done = false;
  const finish = (what) => {
    if (done) return;
    done = true;
    out(what);
    process.exit(0);
  };
  s.on('connect', () => {
    out('streaming');
    const pump = () => {
      while (s.write(chunk));
    };
    s.on('drain', pump);
    pump();
  });
  s.on('data', () => {});
  s.on('error', () => finish('reset'));
  s.on('end', () => finish('ended'));
  s.on('close', () => finish('reset'));
}

({ serve, relay, echo, get, probe, stream })[cmd](...args);
