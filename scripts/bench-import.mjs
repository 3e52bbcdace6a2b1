// Capture reader throughput and memory (a benchmark, not a test): synthesises a ~100 MB pcap of many SMTP
// sessions (each with a message of tens of KB in MSS-sized segments) and as much non-mail traffic (HTTP-like
// downloads), then reads it with src/import/capture and prints MB/s, peak RSS and peak heap.
// Usage: node scripts/bench-import.mjs [megabytes]
import { performance } from 'node:perf_hooks'
import { runnerImport } from 'vite'

const target = Number(process.argv[2] ?? 100) * 1e6
const MSS = 1448

/** Writes Ethernet + IPv4 + TCP (20-octet headers) packets into one preallocated buffer. */
function synthesise() {
  const buf = new Uint8Array(target + 4_000_000)
  const view = new DataView(buf.buffer)
  let pos = 0
  let time = 1_700_000_000
  const u32 = (v) => {
    view.setUint32(pos, v >>> 0, true)
    pos += 4
  }
  // pcap header: µs, Ethernet
  u32(0xa1b2c3d4)
  view.setUint16(pos, 2, true)
  view.setUint16(pos + 2, 4, true)
  pos += 4
  u32(0)
  u32(0)
  u32(262144)
  u32(1)
  const text = new TextEncoder()
  let packets = 0
  const packet = (src, dst, sport, dport, seq, ack, flags, payload) => {
    time += 0.0001
    const len = 14 + 20 + 20 + payload.length
    u32(Math.floor(time))
    u32(Math.round((time % 1) * 1e6))
    u32(len)
    u32(len)
    buf.fill(0, pos, pos + 12)
    view.setUint16(pos + 12, 0x0800)
    pos += 14
    buf[pos] = 0x45
    buf[pos + 1] = 0
    view.setUint16(pos + 2, 40 + payload.length)
    view.setUint32(pos + 4, 0x00004000)
    buf[pos + 8] = 64
    buf[pos + 9] = 6
    view.setUint16(pos + 10, 0)
    view.setUint32(pos + 12, src)
    view.setUint32(pos + 16, dst)
    pos += 20
    view.setUint16(pos, sport)
    view.setUint16(pos + 2, dport)
    view.setUint32(pos + 4, seq >>> 0)
    view.setUint32(pos + 8, ack >>> 0)
    buf[pos + 12] = 0x50
    buf[pos + 13] = flags
    view.setUint32(pos + 14, 0xffff0000)
    view.setUint16(pos + 18, 0)
    pos += 20
    buf.set(payload, pos)
    pos += payload.length
    packets++
  }
  const body = text.encode(`${'The quick brown fox jumps over the lazy dog, line after line of a message body.\r\n'.repeat(400)}.\r\n`)
  const page = new Uint8Array(60_000).fill(0x61)
  let n = 0
  let mail = 0
  while (pos < target) {
    n++
    const client = 0xc0000200 + (n % 200)
    const server = 0xc0000219
    const cport = 10000 + (n % 50000)
    const isMail = n % 2 === 0
    const sport = isMail ? 25 : 80
    let c = n * 7919
    let s = n * 104729
    const write = (from, bytes) => {
      for (let i = 0; i < bytes.length; i += MSS) {
        const chunk = bytes.subarray(i, i + MSS)
        if (from === 'c') {
          packet(client, server, cport, sport, c, s, 0x18, chunk)
          c += chunk.length
          packet(server, client, sport, cport, s, c, 0x10, new Uint8Array(0))
        } else {
          packet(server, client, sport, cport, s, c, 0x18, chunk)
          s += chunk.length
          packet(client, server, cport, sport, c, s, 0x10, new Uint8Array(0))
        }
      }
    }
    packet(client, server, cport, sport, c++, 0, 0x02, new Uint8Array(0))
    packet(server, client, sport, cport, s++, c, 0x12, new Uint8Array(0))
    packet(client, server, cport, sport, c, s, 0x10, new Uint8Array(0))
    if (isMail) {
      mail++
      write('s', text.encode('220 mx.example ESMTP\r\n'))
      write('c', text.encode('EHLO c.example\r\n'))
      write('s', text.encode('250-mx.example\r\n250-PIPELINING\r\n250 8BITMIME\r\n'))
      write('c', text.encode(`MAIL FROM:<a${n}@c.example>\r\nRCPT TO:<b@mx.example>\r\nDATA\r\n`))
      write('s', text.encode('250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n'))
      write('c', body)
      write('s', text.encode('250 2.0.0 Ok: queued\r\n'))
      write('c', text.encode('QUIT\r\n'))
      write('s', text.encode('221 2.0.0 Bye\r\n'))
    } else {
      write('c', text.encode('GET /file HTTP/1.1\r\nHost: x\r\n\r\n'))
      write('s', page)
    }
    packet(server, client, sport, cport, s++, c, 0x11, new Uint8Array(0))
    packet(client, server, cport, sport, c++, s, 0x11, new Uint8Array(0))
    packet(server, client, sport, cport, s, c, 0x10, new Uint8Array(0))
  }
  return { bytes: buf.subarray(0, pos), packets, connections: n, mail }
}

const mb = (x) => `${(x / 1e6).toFixed(1)} MB`
const { module: capture } = await runnerImport('/src/import/capture/index.ts', { configFile: false, logLevel: 'error' })
const file = synthesise()
globalThis.gc?.()
const before = process.memoryUsage()
let peakRss = before.rss
let peakHeap = before.heapUsed
const sample = () => {
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed)
}
const t0 = performance.now()
const cpu0 = process.cpuUsage()
const result = capture.readCapture(file.bytes, sample)
const seconds = (performance.now() - t0) / 1000
const cpu = process.cpuUsage(cpu0)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
sample()
const mailOut = result.connections.filter((c) => c.protocol === 'smtp')
console.log(
  `file: ${mb(file.bytes.length)}, ${file.packets.toLocaleString('en')} packets, ${file.connections.toLocaleString('en')} connections (${file.mail.toLocaleString('en')} SMTP)`,
)
console.log(`read: ${result.connections.length.toLocaleString('en')} connections, ${mailOut.length.toLocaleString('en')} SMTP, ${result.skipped} skipped`)
// On a shared machine the wall clock includes waiting for a core; CPU time is what the reader itself costs.
console.log(
  `time: ${seconds.toFixed(2)} s wall = ${(file.bytes.length / 1e6 / seconds).toFixed(0)} MB/s; ${cpuSeconds.toFixed(2)} s CPU = ${(file.bytes.length / 1e6 / cpuSeconds).toFixed(0)} MB/s`,
)
console.log(
  `memory: RSS ${mb(before.rss)} before (the file and Vite included) → peak ${mb(peakRss)} (+${mb(peakRss - before.rss)}, total ${(peakRss / file.bytes.length).toFixed(2)}× the file); heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)}`,
)
if (mailOut.length !== file.mail || result.connections.length !== file.connections) {
  console.error('the reader did not find every connection')
  process.exit(1)
}
