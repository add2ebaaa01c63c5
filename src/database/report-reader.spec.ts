import { lostReplica, lsnValue } from './report-reader';

describe('lsnValue', () => {
  it('orders WAL positions by their high then low word', () => {
    expect(lsnValue('0/174B308')).toBe(0x174b308n);
    expect(lsnValue('1/0')).toBe(1n << 32n);
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
  });
});

describe('lostReplica', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })],
    ['a connection lost midway', new Error('Connection terminated unexpectedly')],
    ['a server shutting down', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a connection failure', Object.assign(new Error('could not connect'), { code: '08006' })],
    ['a conflict with recovery', Object.assign(new Error('canceling statement'), { code: '40001' })],
    ['a replica that stopped answering (no reply, not even its own timeout)', new Error('Query read timeout')],
  ])('leaves %s to the primary', (_, error) => {
    expect(lostReplica(error)).toBe(true);
  });

  it.each([
    [
      'a statement timeout',
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    ],
    ['a bad statement', Object.assign(new Error('syntax error'), { code: '42601' })],
  ])('fails with %s, as the primary would', (_, error) => {
    expect(lostReplica(error)).toBe(false);
  });
});
