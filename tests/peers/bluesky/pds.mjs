// The reference Bluesky network (@atproto/dev-env's TestNetwork: PLC directory, PDS and the
// AppView that serves timelines, in-process) on 127.0.0.1, with two seeded accounts the client
// tests log in as; alice follows bob, so bob's posts reach alice's following timeline.
// Ports come from PLC_PORT / PDS_PORT / BSKY_PORT; the AppView's PostgreSQL and Redis from
// DB_POSTGRES_URL / REDIS_HOST (start.sh starts both). Prints READY once it serves.
import net from 'node:net';

// dev-env's servers call listen(port) with no host, which binds every interface; Ferry's
// peers must listen on loopback only, so default the host before anything listens.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (first && typeof first === 'object' && !first.path && !first.host) {
    args[0] = { ...first, host: '127.0.0.1' };
  } else if (args.length === 0 || typeof first === 'function') {
    args.unshift(0, '127.0.0.1');
  }
  return listen.apply(this, args);
};

const { TestNetwork } = await import('@atproto/dev-env');

const bskyPort = Number(process.env.BSKY_PORT);
const network = await TestNetwork.create({
  plc: { port: Number(process.env.PLC_PORT) },
  pds: { port: Number(process.env.PDS_PORT), hostname: 'localhost', enableDidDocWithSession: true },
  bsky: { port: bskyPort, publicUrl: `http://localhost:${bskyPort}` },
});
const seed = network.getSeedClient();
const accounts = {};
for (const name of ['alice', 'bob']) {
  accounts[name] = await seed.createAccount(name, {
    handle: `${name}.test`,
    email: `${name}@example.com`,
    password: `${name}-pass`,
  });
}
await seed.follow(accounts.alice.did, accounts.bob.did);
await network.processAll();
console.log(`PDS_URL=${network.pds.url}`);
console.log(`PLC_URL=${network.plc.url}`);
console.log(`APPVIEW_URL=${network.bsky.url}`);
console.log('READY');

const stop = async () => {
  await network.close().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
