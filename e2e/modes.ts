// Every page of the app (CONTRACT.md: play, predict, sandbox, drills, map, and in class present, presenter,
// print), each with an address that opens it and the test id that shows it has drawn. For the checks that go
// through all of them: e2e/offline.spec.ts (with the network off) and e2e/csp.spec.ts (under the strict CSP).
export interface Mode {
  readonly name: string
  readonly query: string
  readonly testId: string
}

export const MODES: readonly Mode[] = [
  { name: 'play', query: '?scenario=smtp-basic&step=3', testId: 'step-counter' },
  { name: 'predict', query: '?mode=predict&scenario=pop3-basic', testId: 'step-counter' },
  { name: 'sandbox', query: '?mode=sandbox&protocol=smtp&port=25', testId: 'sandbox.input' },
  { name: 'drills', query: '?mode=drills', testId: 'drills' },
  { name: 'map', query: '?mode=map', testId: 'protocol-map' },
  { name: 'present', query: '?mode=present&scenario=smtp-starttls&step=4', testId: 'step-counter' },
  { name: 'presenter', query: '?mode=presenter&scenario=pop3-vs-imap', testId: 'presenter.current' },
  { name: 'print', query: '?mode=print&scenario=imaps', testId: 'print.step' },
]
