// TCP as the diagram needs it (RFC 9293): the three-way handshake, data segments whose sequence and
// acknowledgement numbers advance with the bytes they carry, and the four-segment close.
// Numbers are relative (the first SYN has seq 0), as Wireshark shows them by default.

export type TcpFlag = 'SYN' | 'ACK' | 'PSH' | 'FIN' | 'RST'
export type Side = 'client' | 'server'

export interface Segment {
  readonly from: Side
  readonly flags: readonly TcpFlag[]
  readonly srcPort: number
  readonly dstPort: number
  /** Relative sequence number of the first byte (or of the SYN/FIN). */
  readonly seq: number
  /** Next byte expected from the other side; 0 on the first SYN, where ACK is not set. */
  readonly ack: number
  /** Payload length in octets. */
  readonly len: number
}

/** RFC 9293 §3.3.2 states, as each side sees its end. */
export type TcpState = 'CLOSED' | 'SYN-SENT' | 'SYN-RECEIVED' | 'ESTABLISHED' | 'FIN-WAIT-1' | 'FIN-WAIT-2' | 'CLOSE-WAIT' | 'LAST-ACK' | 'TIME-WAIT'

export interface TcpConnection {
  readonly clientPort: number
  readonly serverPort: number
  /** Next sequence number each side will use. */
  readonly next: Readonly<Record<Side, number>>
  readonly state: Readonly<Record<Side, TcpState>>
}

export interface TcpStepResult {
  readonly conn: TcpConnection
  readonly segment: Segment
  /** The sender's and receiver's states after this segment. */
  readonly before: string
  readonly after: string
}

const other = (s: Side): Side => (s === 'client' ? 'server' : 'client')
const stateText = (c: TcpConnection) => `client ${c.state.client} / server ${c.state.server}`

/** An ephemeral client port in the dynamic range 49152–65535 (RFC 6335 §6), stable for a given seed. */
export function ephemeralPort(seed: string): number {
  let h = 2166136261
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0
  return 49152 + (h % 16384)
}

export function newConnection(clientPort: number, serverPort: number): TcpConnection {
  return { clientPort, serverPort, next: { client: 0, server: 0 }, state: { client: 'CLOSED', server: 'CLOSED' } }
}

function segment(c: TcpConnection, from: Side, flags: TcpFlag[], len: number): Segment {
  const to = other(from)
  return {
    from,
    flags,
    srcPort: from === 'client' ? c.clientPort : c.serverPort,
    dstPort: from === 'client' ? c.serverPort : c.clientPort,
    seq: c.next[from],
    ack: flags.includes('ACK') ? c.next[to] : 0,
    len,
  }
}

function step(c: TcpConnection, from: Side, flags: TcpFlag[], len: number, states: Partial<Record<Side, TcpState>>): TcpStepResult {
  const seg = segment(c, from, flags, len)
  // SYN and FIN each take one sequence number (RFC 9293 §3.4).
  const consumed = len + (flags.includes('SYN') ? 1 : 0) + (flags.includes('FIN') ? 1 : 0)
  const conn: TcpConnection = {
    ...c,
    next: { ...c.next, [from]: c.next[from] + consumed },
    state: { ...c.state, ...states },
  }
  return { conn, segment: seg, before: stateText(c), after: stateText(conn) }
}

/** The three-way handshake (RFC 9293 §3.5): SYN; SYN, ACK; ACK. */
export function handshake(c: TcpConnection): TcpStepResult[] {
  const a = step(c, 'client', ['SYN'], 0, { client: 'SYN-SENT' })
  const b = step(a.conn, 'server', ['SYN', 'ACK'], 0, { server: 'SYN-RECEIVED' })
  const d = step(b.conn, 'client', ['ACK'], 0, { client: 'ESTABLISHED', server: 'ESTABLISHED' })
  return [a, b, d]
}

/** A data segment; it also acknowledges what the other side sent so far (piggybacked ACK). */
export function sendData(c: TcpConnection, from: Side, octets: number): TcpStepResult {
  return step(c, from, ['PSH', 'ACK'], octets, {})
}

/** The close (RFC 9293 §3.6): the side that closes first sends FIN, each FIN is acknowledged. */
export function teardown(c: TcpConnection, first: Side): TcpStepResult[] {
  const second = other(first)
  const a = step(c, first, ['FIN', 'ACK'], 0, { [first]: 'FIN-WAIT-1' })
  const b = step(a.conn, second, ['ACK'], 0, { [first]: 'FIN-WAIT-2', [second]: 'CLOSE-WAIT' })
  const d = step(b.conn, second, ['FIN', 'ACK'], 0, { [second]: 'LAST-ACK' })
  const e = step(d.conn, first, ['ACK'], 0, { [first]: 'TIME-WAIT', [second]: 'CLOSED' })
  return [a, b, d, e]
}
