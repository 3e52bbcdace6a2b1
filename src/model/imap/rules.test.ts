// The state table against the RFC and against the machine: every (state, command) pair is accepted or refused
// as RFC 9051 §6.1–§6.4 list them, and the machine answers a refused one with the table's tagged BAD.
import { describe, expect, it } from 'vitest'
import { IMAP_COMMANDS, imapOpen, imapStep, type ImapCommand, type ImapSession } from './index'
import { IMAP_COMMAND_STATES, IMAP_SEQUENCE, imapCommandsIn } from './rules'

// Written from RFC 9051 §6 (and RFC 3501 §6.4.1 CHECK, RFC 3691 UNSELECT, RFC 6851 MOVE, RFC 4315 UID EXPUNGE).
const ANY: readonly ImapCommand[] = ['CAPABILITY', 'NOOP', 'LOGOUT'] // §6.1
const NOT_AUTH: readonly ImapCommand[] = ['STARTTLS', 'AUTHENTICATE', 'LOGIN'] // §6.2
const AUTH: readonly ImapCommand[] = ['SELECT', 'EXAMINE', 'CREATE', 'DELETE', 'LIST', 'STATUS', 'APPEND'] // §6.3
const RFC_ALLOWS: Record<'not-authenticated' | 'authenticated' | 'selected', readonly ImapCommand[]> = {
  'not-authenticated': [...ANY, ...NOT_AUTH],
  authenticated: [...ANY, ...AUTH],
  // §6.4: "In the selected state, commands that manipulate messages in a mailbox are permitted", besides §6.1 and §6.3.
  selected: IMAP_COMMANDS.filter((c) => !NOT_AUTH.includes(c)),
}

function sessionIn(state: 'not-authenticated' | 'authenticated' | 'selected'): ImapSession {
  let s = imapOpen().session
  const lines = state === 'not-authenticated' ? [] : state === 'authenticated' ? ['a LOGIN user1 password1'] : ['a LOGIN user1 password1', 'b SELECT INBOX']
  for (const line of lines) s = imapStep(s, line).session
  expect(s.state).toBe(state)
  return s
}

describe('the IMAP state table (rules.ts)', () => {
  it.each(IMAP_COMMAND_STATES.flatMap((state) => IMAP_COMMANDS.map((command) => [state, command] as const)))(
    '%s × %s: as RFC 9051 §6 says',
    (state, command) => {
      const allowed = RFC_ALLOWS[state].includes(command)
      expect(IMAP_SEQUENCE[command][state] === 'accept').toBe(allowed)
      // A bare command: refused ones get the wrong-state BAD before their arguments are looked at.
      const turn = imapStep(sessionIn(state), `t ${command}`).turn
      const tagged = turn.replies.flatMap((r) => r.lines).find((l) => l.startsWith('t '))
      const ids = turn.replies.map((r) => r.id)
      if (allowed)
        expect(
          ids.some((id) => ['needLogin', 'needSelect', 'alreadyAuthenticated'].includes(id)),
          `${state} ${command}: ${tagged}`,
        ).toBe(false)
      else {
        expect(ids).toContain(IMAP_SEQUENCE[command][state])
        expect(tagged).toMatch(/^t BAD /)
        expect(turn.stateAfter).toBe(state)
      }
    },
  )

  it('lists the same verdicts for a state panel, with BAD and its section for the refused ones', () => {
    const rows = imapCommandsIn('authenticated')
    expect(
      rows
        .filter((r) => r.accepted)
        .map((r) => r.command)
        .sort(),
    ).toEqual([...RFC_ALLOWS.authenticated].sort())
    expect(rows.find((r) => r.command === 'FETCH')).toMatchObject({ accepted: false, code: 'BAD', reply: 'needSelect' })
    expect(imapCommandsIn('logout')).toEqual([])
  })
})
