// A TCP relay in front of PostgreSQL that holds every connection until it is
// opened. Replica B connects through it, so B loads its modules while A
// starts, yet touches the database only once A has run Backstage's first-time
// migrations (which race when two processes create the same tables at once;
// see docs/reliability.md). Once open it only copies bytes; a killed replica's
// sockets close on both sides, as they would without it.
import net from 'node:net';

export class PgGate {
  constructor({ host, port }) {
    this.target = { host, port };
    this.waiting = [];
    this.sockets = new Set();
    this.isOpen = false;
    this.server = net.createServer(client => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => client.destroy());
      if (this.isOpen) this.relay(client);
      else this.waiting.push(client);
    });
  }

  /** Listens on an ephemeral port; resolves to it. */
  async listen() {
    await new Promise(resolve => this.server.listen(0, '127.0.0.1', resolve));
    return this.server.address().port;
  }

  open() {
    this.isOpen = true;
    for (const client of this.waiting.splice(0)) this.relay(client);
  }

  relay(client) {
    if (client.destroyed) return;
    const upstream = net.connect(this.target);
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise(resolve => this.server.close(() => resolve()));
  }
}
