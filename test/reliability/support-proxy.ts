import * as net from 'node:net';

interface Link {
  client: net.Socket;
  upstream?: net.Socket;
  /** Bytes read from one side and not yet passed on (while the proxy is a black hole). */
  toServer: Buffer[];
  toClient: Buffer[];
  /** A side that closed while the proxy was a black hole: the close is delivered with the bytes. */
  clientClosed: boolean;
  upstreamClosed: boolean;
}

/**
 * A TCP proxy in front of PostgreSQL that can turn into a black hole: it keeps accepting
 * connections and reading what arrives, on new and existing connections alike, but passes
 * nothing on and answers nothing. That is a network partition as TCP sees it: nothing is
 * refused or reset, the bytes are simply not delivered; when the partition heals, what was held
 * back is delivered late (TCP retransmits), in order, and so is a close (a FIN does not cross a
 * partition either).
 */
export class BlackHoleProxy {
  private mode: 'forward' | 'black-hole' = 'forward';
  private readonly links = new Set<Link>();
  private readonly sockets = new Set<net.Socket>();
  private readonly server = net.createServer((client) => this.accept(client));
  /** Connections accepted while the proxy was a black hole. */
  swallowed = 0;

  private constructor(
    private readonly upstreamPort: number,
    readonly port: number,
  ) {}

  static async listen(upstreamPort: number): Promise<BlackHoleProxy> {
    const probe = net.createServer();
    const proxy = await new Promise<BlackHoleProxy>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () =>
        resolve(new BlackHoleProxy(upstreamPort, (probe.address() as net.AddressInfo).port)),
      );
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(proxy.port, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get isBlackHole(): boolean {
    return this.mode === 'black-hole';
  }

  blackHole(): void {
    this.mode = 'black-hole';
  }

  /** Heals the partition: held-back bytes are delivered, in order, and forwarding resumes. */
  forward(): void {
    this.mode = 'forward';
    for (const link of this.links) this.flush(link);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.links.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    this.track(client);
    const link: Link = { client, toServer: [], toClient: [], clientClosed: false, upstreamClosed: false };
    this.links.add(link);
    if (this.isBlackHole) this.swallowed += 1;
    const closed = () => {
      link.clientClosed = true;
      this.flush(link);
    };
    client.on('error', closed);
    client.on('close', closed);
    client.on('data', (chunk: Buffer) => {
      link.toServer.push(chunk);
      this.flush(link);
    });
    this.flush(link);
  }

  private connectUpstream(link: Link): net.Socket {
    const upstream = net.connect(this.upstreamPort, '127.0.0.1');
    link.upstream = upstream;
    this.track(upstream);
    const closed = () => {
      link.upstreamClosed = true;
      this.flush(link);
    };
    upstream.on('error', closed);
    upstream.on('close', closed);
    upstream.on('data', (chunk: Buffer) => {
      link.toClient.push(chunk);
      this.flush(link);
    });
    return upstream;
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private flush(link: Link): void {
    if (this.isBlackHole) return;
    if (link.clientClosed && !link.upstream) {
      // Gave up before the server ever heard of it.
      this.links.delete(link);
      return;
    }
    const upstream = link.upstream ?? this.connectUpstream(link);
    if (!upstream.destroyed) for (const chunk of link.toServer.splice(0)) upstream.write(chunk);
    if (!link.client.destroyed) for (const chunk of link.toClient.splice(0)) link.client.write(chunk);
    if (link.clientClosed || link.upstreamClosed) {
      this.links.delete(link);
      if (link.clientClosed) upstream.end();
      if (link.upstreamClosed) link.client.end();
    }
  }
}
