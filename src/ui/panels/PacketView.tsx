// The packet under the current step, as Wireshark lays it out: one group per header with its fields, and the
// octets in hex with each header's bytes marked. Pointing at (or tabbing to) a field marks its bytes.
// Loaded with the first step on screen, not with the page shell (the initial page's JavaScript budget).
import { useMemo, useState } from 'react'
import { fieldLabel, tp, type PacketKey } from '../../content/packet'
import type { Lang } from '../../content/types'
import { packetOf, type HeaderField, type Packet, type PacketHeader } from '../../lessons/packet'
import type { Actor, Step } from '../../model'
import './PacketView.css'

/** Hex rows drawn at most (16 octets each): a full 64 KB segment would take the page long to lay out. */
const HEX_ROWS = 64

type Region = 'ip' | 'tcp' | 'udp' | 'data' | 'record' | 'opaque'

function regions(p: Packet): Region[] {
  const out = new Array<Region>(p.octets.length).fill('data')
  for (const h of p.headers) out.fill(h.kind, h.offset, h.offset + h.length)
  for (const part of p.payload.parts) out.fill(part.kind === 'clear' ? 'data' : part.kind, part.offset, part.offset + part.length)
  return out
}

/** The value as the learner reads it: units, the relative numbers beside the absolute ones, flags spelled out. */
function shownValue(lang: Lang, f: HeaderField, step: Step): string {
  const n = Number(f.value)
  switch (f.name) {
    case 'ip.hdr_len':
    case 'tcp.hdr_len':
    case 'ip.len':
    case 'udp.length':
    case 'tcp.options.mss':
      return tp(lang, 'octets', { n: f.value })
    case 'ip.flags':
      return f.value === 'DF' ? tp(lang, 'df') : f.value
    case 'ip.proto':
      return `${f.value} (${n === 6 ? 'TCP' : n === 17 ? 'UDP' : '?'})`
    case 'tcp.seq':
      return tp(lang, 'relative', { abs: f.value, rel: step.tcp?.seq ?? 0 })
    case 'tcp.ack':
      return step.tcp?.flags.includes('ACK') ? tp(lang, 'relative', { abs: f.value, rel: step.tcp.ack }) : tp(lang, 'notSet')
    case 'tcp.window':
      // The window of a SYN is never scaled; after it, the scale agreed in the SYNs applies (RFC 7323 §2.2).
      return step.tcp?.flags.includes('SYN') ? f.value : tp(lang, 'scaled', { v: f.value, f: 128, n: n * 128 })
    case 'tcp.options.wscale':
      return tp(lang, 'scale', { v: f.value, f: 2 ** n })
    default:
      return f.value
  }
}

function headerTitle(lang: Lang, h: PacketHeader, p: Packet, step: Step): string {
  const v = (name: string) => h.fields.find((f) => f.name === name)?.value ?? ''
  if (h.kind === 'ip') return tp(lang, p.ipVersion === 6 ? 'ip6Head' : 'ip4Head', { src: v('ip.src'), dst: v('ip.dst') })
  if (h.kind === 'udp') return tp(lang, 'udpHead', { sp: v('udp.srcport'), dp: v('udp.dstport') })
  return tp(lang, 'tcpHead', { sp: v('tcp.srcport'), dp: v('tcp.dstport'), seq: step.tcp?.seq ?? 0, ack: step.tcp?.ack ?? 0, len: step.tcp?.len ?? 0 })
}

const LEGEND: readonly [Region, PacketKey][] = [
  ['ip', 'legendIp'],
  ['tcp', 'legendTcp'],
  ['udp', 'legendUdp'],
  ['data', 'legendData'],
  ['record', 'legendRecord'],
  ['opaque', 'legendOpaque'],
]

export interface PacketViewProps {
  readonly lang: Lang
  /** The whole lesson's steps (every layer) and the index of the current one in them. */
  readonly steps: readonly Step[]
  readonly index: number
  readonly actors: readonly Actor[]
  readonly hex: boolean
}

export default function PacketView({ lang, steps, index, actors, hex }: PacketViewProps) {
  const packet = useMemo(() => packetOf(steps, index, actors), [steps, index, actors])
  const [active, setActive] = useState<{ readonly offset: number; readonly length: number } | null>(null)
  const step = steps[index]
  if (!packet || !step) return null
  const marks = regions(packet)
  const on = (i: number) => active !== null && i >= active.offset && i < active.offset + active.length
  const shown = Math.min(packet.octets.length, HEX_ROWS * 16)
  const rows: number[] = []
  for (let i = 0; i < shown; i += 16) rows.push(i)
  const present = new Set(marks)
  const router = step.dropped ? actors.find((a) => a.id === step.to) : undefined
  return (
    <div className="packet" data-testid="packet">
      {step.dropped ? (
        <p className="packet-dropped" data-testid="packet.dropped">
          {tp(lang, 'dropped', { router: router ? `${router.host} (${router.ip})` : step.to })}
        </p>
      ) : null}
      {packet.headers.map((h) => (
        <details key={h.kind} className={`pkt-h pkt-h-${h.kind}`} open>
          <summary>{headerTitle(lang, h, packet, step)}</summary>
          <ul className="pkt-fields">
            {h.fields.map((f, i) => (
              <li
                key={i}
                tabIndex={0}
                data-testid="header-field"
                data-name={f.name}
                data-value={f.value}
                className={active?.offset === f.offset && active.length === f.length ? 'on' : undefined}
                onMouseEnter={() => setActive(f)}
                onMouseLeave={() => setActive(null)}
                onFocus={() => setActive(f)}
                onBlur={() => setActive(null)}
              >
                <span className="pkt-k">{fieldLabel(lang, f.name, packet.ipVersion)}</span>
                {f.value !== '' ? <span className="pkt-v">{shownValue(lang, f, step)}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ))}
      {hex ? (
        <>
          <ul className="pkt-legend" aria-label={tp(lang, 'legendTitle')}>
            {LEGEND.filter(([r]) => present.has(r)).map(([r, key]) => (
              <li key={r}>
                <span className={`x x-${r}`} aria-hidden="true">
                  {r === 'opaque' ? '··' : '45'}
                </span>
                {tp(lang, key)}
              </li>
            ))}
          </ul>
          <pre className="wire hex pkt-hex" tabIndex={0} role="group" aria-label={tp(lang, 'hexLabel')} data-testid="packet.hex">
            {rows.map((r) => (
              <span key={r} className="pkt-row">
                <span className="pkt-off">{r.toString(16).padStart(4, '0')}</span>
                {[...packet.octets.subarray(r, Math.min(r + 16, shown))].map((b, k) => {
                  const i = r + k
                  const m = marks[i] ?? 'data'
                  return (
                    <span key={k}>
                      {' '}
                      <span className={`x x-${m}${on(i) ? ' on' : ''}`} data-region={m}>
                        {m === 'opaque' ? '··' : b.toString(16).padStart(2, '0')}
                      </span>
                    </span>
                  )
                })}
                {'\n'}
              </span>
            ))}
          </pre>
          <p className="muted pkt-note">{tp(lang, 'hexHint')}</p>
          {packet.octets.length > shown || packet.cut > 0 ? (
            <p className="muted pkt-note">{tp(lang, 'hexCut', { n: packet.octets.length - shown + packet.cut })}</p>
          ) : null}
        </>
      ) : null}
      <p className="muted pkt-note">{tp(lang, 'madeUp')}</p>
    </div>
  )
}
