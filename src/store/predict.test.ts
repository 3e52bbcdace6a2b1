// Predict-the-reply on real lessons: the steps come from the engine (compileScenario), so the expected answers
// are read off what the server put on the wire, never typed in here.
import { describe, expect, it } from 'vitest'
import type { Step } from '../model'
import { findScenario, SCENARIOS, type Scenario } from '../scenarios'
import { compileScenario } from '../lessons/compile'
import { answerOf, choicesFor, isQuestion, nextOpenQuestion, scoreOf } from './predict'

function lesson(id: string): readonly Step[] {
  const s = findScenario(id)
  if (!s) throw new Error(`no lesson ${id}`)
  return compileScenario(s).timeline.steps
}

const questionsOf = (steps: readonly Step[]): number[] => steps.flatMap((s, i) => (isQuestion(s) ? [i] : []))
const at = (steps: readonly Step[], i: number | undefined): Step => {
  const s = i === undefined ? undefined : steps[i]
  if (!s) throw new Error(`no step ${i}`)
  return s
}
/** Each server's listening port by actor id: a server speaks from it (a relaying server's own client lines do not). */
const serverIds = (id: string): Map<string, number | undefined> => {
  const s = findScenario(id)
  return new Map(
    s
      ? compileScenario(s)
          .timeline.actors.filter((a) => a.role === 'server')
          .map((a) => [a.id, a.port])
      : [],
  )
}
const APP_LAYERS = new Set(['smtp', 'pop3', 'imap'])
/** The reply code or status word that opens a wire line: `250`, `+OK`, `*`, or an IMAP tag's status. */
const smtpCode = (line: string | undefined) => /^(\d{3})[ -]/.exec(line ?? '')?.[1]

// Every SMTP command the choice tables know, on one connection, so that each gets a question.
const ALL_SMTP_COMMANDS: Scenario = {
  id: 'predict-test-smtp-commands',
  protocol: 'smtp',
  order: 0,
  title: { ja: 'テスト', en: 'test' },
  summary: { ja: 'テスト', en: 'test' },
  servers: [{ id: 'server', protocol: 'smtp' }],
  actions: [
    { type: 'send', line: 'NOOP' },
    { type: 'send', line: 'HELP' },
    { type: 'send', line: 'EHLO pc1.example.test' },
    { type: 'send', line: 'VRFY user1' },
    { type: 'send', line: 'XYZZY' },
    { type: 'send', line: 'MAIL FROM:<a@example.test>' },
    { type: 'send', line: 'RSET' },
    { type: 'send', line: 'QUIT' },
  ],
}

describe('isQuestion', () => {
  it('is false for no step', () => {
    expect(isQuestion(undefined)).toBe(false)
  })

  for (const s of SCENARIOS) {
    it(`${s.id}: the questions are exactly the servers' protocol replies`, () => {
      const steps = lesson(s.id)
      const servers = serverIds(s.id)
      const questions = questionsOf(steps)
      expect(questions.length).toBeGreaterThan(0)
      for (const [i, step] of steps.entries()) {
        const serverReply = servers.has(step.from) && step.tcp?.srcPort === servers.get(step.from) && APP_LAYERS.has(step.layer) && step.lines.length > 0
        expect(isQuestion(step), `${s.id} step ${i + 1} (${step.layer} ${step.from}: ${step.lines[0] ?? ''})`).toBe(serverReply)
      }
    })
  }

  it('smtp-basic: one question for the greeting and one for each command the client sends', () => {
    const steps = lesson('smtp-basic')
    const commands = steps.filter((s) => s.from === 'client' && s.kind.key === 'command').length
    expect(questionsOf(steps)).toHaveLength(commands + 1)
    // Nothing is asked during the TCP handshake: the first question is the greeting, after three segments.
    expect(questionsOf(steps)[0]).toBe(3)
    expect(at(steps, 3).kind).toMatchObject({ key: 'reply', replyId: 'greeting' })
  })

  it('a reply step that carries no reply is not a question', () => {
    const step = at(lesson('smtp-basic'), 3)
    expect(isQuestion(step)).toBe(true)
    expect(isQuestion({ ...step, replies: [] })).toBe(false)
    expect(isQuestion({ ...step, replies: undefined })).toBe(false)
  })
})

describe('answerOf', () => {
  it('SMTP: the code of the last reply line in the segment', () => {
    for (const id of ['smtp-basic', 'smtp-submission-auth', 'smtp-permanent-failure', 'smtp-temporary-failure']) {
      const steps = lesson(id)
      for (const i of questionsOf(steps)) {
        const step = at(steps, i)
        expect(answerOf(step), `${id} step ${i + 1}`).toBe(smtpCode(step.lines.at(-1)))
      }
    }
  })

  it('SMTP pipelining: the last reply decides, not the first', () => {
    const steps = lesson('smtp-pipelining')
    const step = steps.find((s) => isQuestion(s) && (s.replies?.length ?? 0) > 1)
    expect(step, 'a segment with several replies').toBeDefined()
    if (!step) return
    const codes = step.lines.map(smtpCode).filter((c) => c !== undefined)
    expect(new Set(codes).size, 'the replies differ').toBeGreaterThan(1)
    expect(answerOf(step)).toBe(codes.at(-1))
    expect(answerOf(step)).not.toBe(codes[0])
  })

  it('POP3: the status word of the reply, +OK or -ERR', () => {
    for (const id of ['pop3-basic', 'pop3-apop', 'pop-before-smtp']) {
      const steps = lesson(id)
      for (const i of questionsOf(steps).filter((j) => at(steps, j).layer === 'pop3')) {
        const step = at(steps, i)
        expect(['+OK', '-ERR']).toContain(answerOf(step))
        expect(answerOf(step), `${id} step ${i + 1}`).toBe(step.lines[0]?.split(' ')[0])
      }
    }
  })

  it('IMAP: the tagged status of the last line; an untagged greeting counts as OK', () => {
    const steps = lesson('imap-basic')
    const questions = questionsOf(steps)
    for (const i of questions) {
      const step = at(steps, i)
      const last = step.lines.at(-1) ?? ''
      const [tag, status] = last.split(' ')
      if (tag === '*') expect(answerOf(step), `step ${i + 1}: ${last}`).toBe('OK')
      else expect(answerOf(step), `step ${i + 1}: ${last}`).toBe(status)
    }
    // The greeting is untagged (`* OK ...`) and its answer is OK.
    const greeting = at(steps, questions[0])
    expect(greeting.lines[0]).toMatch(/^\* OK /)
    expect(answerOf(greeting)).toBe('OK')
  })

  it('IMAP: a segment that ends with an untagged response (`*` or PREAUTH) counts as OK; other layers keep the status', () => {
    const imap = lesson('imap-basic')
    const imapStep = at(imap, questionsOf(imap)[0])
    const last = imapStep.replies?.at(-1)
    expect(last).toBeDefined()
    if (!last) return
    expect(answerOf({ ...imapStep, replies: [{ ...last, status: '*' }] })).toBe('OK')
    expect(answerOf({ ...imapStep, replies: [{ ...last, status: 'PREAUTH' }] })).toBe('OK')
    expect(answerOf({ ...imapStep, replies: [{ ...last, status: 'NO' }] })).toBe('NO')
    const pop = lesson('pop3-basic')
    const popStep = at(pop, questionsOf(pop)[0])
    expect(answerOf({ ...popStep, replies: [{ ...last, status: '*' }] })).toBe('*')
  })

  it('a step without replies has no answer', () => {
    const steps = lesson('smtp-basic')
    expect(answerOf(at(steps, 0))).toBe('')
    expect(answerOf({ ...at(steps, 3), replies: [] })).toBe('')
  })
})

describe('choicesFor', () => {
  const lessons = [
    ...SCENARIOS.map((s) => [s.id, compileScenario(s).timeline.steps] as const),
    [ALL_SMTP_COMMANDS.id, compileScenario(ALL_SMTP_COMMANDS).timeline.steps] as const,
  ]

  it('the test lesson asks about every command it sends, and the server answered each one', () => {
    const steps = lessons.at(-1)?.[1] ?? []
    const commands = steps.filter((s) => s.kind.key === 'command').length
    expect(commands).toBe(ALL_SMTP_COMMANDS.actions.length)
    expect(questionsOf(steps)).toHaveLength(commands + 1)
  })

  for (const [id, steps] of lessons) {
    it(`${id}: every question offers the right answer among distinct choices, 4 for SMTP and IMAP, +OK/-ERR for POP3`, () => {
      for (const i of questionsOf(steps)) {
        const step = at(steps, i)
        const where = `${id} step ${i + 1} (${step.lines[0] ?? ''})`
        const choices = choicesFor(steps, i)
        expect(choices, where).toContain(answerOf(step))
        expect(new Set(choices).size, where).toBe(choices.length)
        if (step.layer === 'smtp') {
          expect(choices, where).toHaveLength(4)
          for (const c of choices) expect(c, where).toMatch(/^[2-5]\d\d$/)
          expect([...choices].sort(), `${where}: in a stable order`).toEqual(choices)
        } else if (step.layer === 'pop3') {
          expect([...choices].sort(), where).toEqual(['+OK', '-ERR'])
        } else {
          expect([...choices].sort(), where).toEqual(['+', 'BAD', 'NO', 'OK'])
        }
        expect(choicesFor(steps, i), `${where}: the same each time`).toEqual(choices)
      }
    })
  }

  it('SMTP: the wrong choices depend on the command asked, even when the answer is the same', () => {
    const steps = lesson('smtp-basic')
    const byCommand = new Map<string, string[]>()
    for (const i of questionsOf(steps)) {
      const asked = steps[i - 1]
      if (asked?.kind.key === 'command' && answerOf(at(steps, i)) === '250') byCommand.set(asked.kind.command, choicesFor(steps, i))
    }
    // HELO, MAIL and RCPT are all answered 250 here; each offers its own plausible wrong codes.
    expect([...byCommand.keys()]).toEqual(expect.arrayContaining(['HELO', 'MAIL', 'RCPT']))
    const lists = [...byCommand.values()].map((c) => c.join(' '))
    expect(new Set(lists).size).toBe(lists.length)
  })

  it('SMTP greeting, after TCP (port 25) or after TLS (port 465): the choices include 554, the refusing greeting (RFC 5321 §4.3.2)', () => {
    for (const id of ['smtp-basic', 'smtps']) {
      const steps = lesson(id)
      const greeting = questionsOf(steps)[0] ?? -1
      expect(at(steps, greeting).kind, id).toMatchObject({ key: 'reply', replyId: 'greeting' })
      expect(choicesFor(steps, greeting), id).toContain('554')
    }
  })

  it('no choices for a step that does not exist', () => {
    expect(choicesFor(lesson('smtp-basic'), 999)).toEqual([])
    expect(choicesFor([], 0)).toEqual([])
  })
})

describe('scoreOf', () => {
  const steps = lesson('smtp-basic')
  const questions = questionsOf(steps)
  const right = Object.fromEntries(questions.map((i) => [i, answerOf(at(steps, i))]))
  const wrongAnswer = (i: number) => choicesFor(steps, i).find((c) => c !== answerOf(at(steps, i))) ?? 'x'

  it('counts every question, answered or not', () => {
    expect(scoreOf(steps, {})).toEqual({ correct: 0, total: questions.length })
  })

  it('all right, none right, some right', () => {
    expect(scoreOf(steps, right)).toEqual({ correct: questions.length, total: questions.length })
    const wrong = Object.fromEntries(questions.map((i) => [i, wrongAnswer(i)]))
    expect(scoreOf(steps, wrong)).toEqual({ correct: 0, total: questions.length })
    const [a, b] = questions as [number, number]
    expect(scoreOf(steps, { [a]: answerOf(at(steps, a)), [b]: wrongAnswer(b) })).toEqual({ correct: 1, total: questions.length })
  })

  it('ignores answers given to steps that are not questions', () => {
    const notQuestion = steps.findIndex((s) => !isQuestion(s))
    expect(notQuestion).toBeGreaterThanOrEqual(0)
    expect(scoreOf(steps, { ...right, [notQuestion]: 'SYN' })).toEqual({ correct: questions.length, total: questions.length })
  })

  it('an empty lesson scores 0 of 0', () => {
    expect(scoreOf([], {})).toEqual({ correct: 0, total: 0 })
  })
})

describe('nextOpenQuestion', () => {
  const steps = lesson('smtp-basic')
  const [q0, q1, q2] = questionsOf(steps) as [number, number, number]

  it('the first question when nothing is answered', () => {
    expect(nextOpenQuestion(steps, {})).toBe(q0)
  })

  it('skips answered questions, right or wrong', () => {
    expect(nextOpenQuestion(steps, { [q0]: answerOf(at(steps, q0)) })).toBe(q1)
    expect(nextOpenQuestion(steps, { [q0]: 'wrong', [q1]: 'wrong' })).toBe(q2)
  })

  it('starts at `from`, inclusive', () => {
    expect(nextOpenQuestion(steps, {}, q1)).toBe(q1)
    expect(nextOpenQuestion(steps, {}, q0 + 1)).toBe(q1)
    expect(nextOpenQuestion(steps, { [q1]: 'x' }, q0 + 1)).toBe(q2)
  })

  it('-1 when every question is answered, or none is left after `from`', () => {
    const all = Object.fromEntries(questionsOf(steps).map((i) => [i, 'x']))
    expect(nextOpenQuestion(steps, all)).toBe(-1)
    expect(nextOpenQuestion(steps, {}, steps.length)).toBe(-1)
    expect(nextOpenQuestion([], {})).toBe(-1)
  })
})
