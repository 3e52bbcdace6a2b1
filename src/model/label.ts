import type { Step } from './session'

/**
 * The line a step is known by: TCP flags (`SYN, ACK`), the TLS handshake messages, or the first line on
 * the wire. Drills link to steps by it; the diagram's arrow text starts from it.
 */
export function wireLabel(step: Step): string {
  if (step.layer === 'tcp') return (step.tcp?.flags ?? []).filter((f) => f !== 'PSH').join(', ')
  if (step.layer === 'dns') return step.lines[0] ?? ''
  if (step.layer === 'tls') return step.lines.join(', ')
  return step.lines[0] ?? ''
}
