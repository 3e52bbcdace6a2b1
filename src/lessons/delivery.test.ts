// The delivery panel's view of what the engine accepted, on the lessons as the build compiles them:
// relayed mail is "queued for relay" and carries no Return-Path: (RFC 5321 §4.4); mailbox copies do.
import { describe, expect, it } from 'vitest'
import { findScenario } from '../scenarios'
import { compileScenario } from './compile'
import { deliveryView } from './delivery'

function deliveries(id: string) {
  const s = findScenario(id)
  if (!s) throw new Error(`no lesson ${id}`)
  return compileScenario(s).timeline.delivered.map((d) => d.message)
}

describe('the delivery panel', () => {
  it('smtp-submission-auth: the message is queued for relay to the next hop, not delivered, in ja and en', () => {
    const [m] = deliveries('smtp-submission-auth')
    expect(m).toBeDefined()
    if (!m) return
    expect(m.relayed).toEqual(['friend@outside.example'])
    const en = deliveryView(m, 'en')
    const ja = deliveryView(m, 'ja')
    expect(en.kind).toBe('relay')
    expect(en.title).not.toMatch(/delivered/i)
    expect(en.outcomes).toEqual([expect.stringMatching(/^Queued for relay to outside\.example's mail server/)])
    expect(en.outcomes.join(' ')).not.toMatch(/^Delivered/)
    expect(ja.title).not.toMatch(/届いた/)
    expect(ja.outcomes).toEqual([expect.stringMatching(/^outside\.example のメールサーバ（MX）へ中継するため、キューに入りました/)])
  })

  it('smtp-submission-auth: the trace shown is what the next hop receives: Received: with ESMTPSA, no Return-Path:', () => {
    const [m] = deliveries('smtp-submission-auth')
    if (!m) throw new Error('no delivery')
    const view = deliveryView(m, 'en')
    expect(view.traces.map((t) => t.kind)).toEqual(['relay'])
    const names = view.traces.flatMap((t) => t.fields.map((f) => f.name))
    expect(names).toEqual(['Received'])
    // RFC 3848: ESMTP over TLS with AUTH.
    expect(view.traces[0]?.fields[0]?.value).toMatch(
      /^from pc1\.client\.example\.test .* by mail\.example\.test with ESMTPSA id [0-9A-F]{10} for <friend@outside\.example>;/,
    )
    expect(m.content).not.toMatch(/^Return-Path:/im)
  })

  it('smtps and pop-before-smtp relay too: no Return-Path: anywhere on screen', () => {
    for (const id of ['smtps', 'pop-before-smtp']) {
      const ms = deliveries(id)
      expect(ms.length, id).toBeGreaterThan(0)
      for (const m of ms) {
        const view = deliveryView(m, 'en')
        expect(view.kind, id).toBe('relay')
        expect(
          view.traces.flatMap((t) => t.fields.map((f) => f.name)),
          id,
        ).not.toContain('Return-Path')
      }
    }
  })

  it('smtp-envelope-vs-header: delivered to a mailbox, whose copy starts with Return-Path: <MAIL FROM>', () => {
    const [m] = deliveries('smtp-envelope-vs-header')
    if (!m) throw new Error('no delivery')
    const view = deliveryView(m, 'en')
    expect(view.kind).toBe('delivered')
    expect(view.title).toBe('The delivered message')
    expect(view.outcomes).toEqual(['Delivered to the mailbox of user1.', 'Delivered to the mailbox of user2.'])
    expect(view.traces.map((t) => t.kind)).toEqual(['stored'])
    expect(view.traces[0]?.fields.map((f) => f.name)).toEqual(['Return-Path', 'Received'])
    expect(view.traces[0]?.fields[0]?.value).toBe(`<${m.reversePath}>`)
    // The header names neither envelope recipient (To: c@c.example): both are marked.
    expect(m.recipients).toEqual(['user1@example.test', 'user2@example.test'])
    expect(view.notInHeader).toEqual(m.recipients)
  })
})
